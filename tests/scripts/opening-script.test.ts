// @vitest-environment jsdom
// The head's script (scripts/prerender.ts, OPENING_SCRIPT) on a plain visit asks for every file the map needs, listed
// by the atlas-map-module meta: MapLibre's chunk, the map's module (map-controller) and MapLibre's stylesheet, so that
// main.tsx's import of the map module finds them loading (issue 29: map-controller.js was asked for ~60 ms late).
// A filtered URL asks for none of them (its first view gets the link).
import { afterEach, describe, expect, it } from 'vitest';
import { OPENING_SCRIPT } from '../../scripts/prerender';

const FILES = '/assets/maplibre-a.js /assets/map-controller-b.js /assets/maplibre-c.css';

function runHead(search: string): HTMLLinkElement[] {
  history.replaceState(null, '', `/${search}`);
  document.head.innerHTML = `<meta name="atlas-map-module" content="${FILES}" />`;
  document.documentElement.removeAttribute('data-prerender');
  new Function(OPENING_SCRIPT)();
  return [...document.head.querySelectorAll('link')];
}

describe("the head's script", () => {
  afterEach(() => {
    document.head.innerHTML = '';
  });

  it('on a plain visit, modulepreloads MapLibre and the map module and preloads their stylesheet, as the app asks for them', () => {
    const links = runHead('?lang=en').map((l) => ({ rel: l.rel, as: l.getAttribute('as'), href: l.getAttribute('href'), cors: l.crossOrigin }));
    expect(links).toEqual([
      { rel: 'modulepreload', as: null, href: '/assets/maplibre-a.js', cors: '' },
      { rel: 'modulepreload', as: null, href: '/assets/map-controller-b.js', cors: '' },
      { rel: 'preload', as: 'style', href: '/assets/maplibre-c.css', cors: '' },
    ]);
  });

  it('on a filtered URL, asks for none of them', () => {
    expect(runHead('?q=kyoto')).toEqual([]);
  });
});
