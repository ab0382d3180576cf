// @vitest-environment jsdom
// The parts hydrated after the map's component (issue 29, fast link): hydrating the build's HTML, the shell's effects
// (where the map is created) run before a Later part's content is hydrated, even when the part comes first in the
// page; the HTML stays as it was; the page is ready only once the map and every part are in.
import { act, useEffect } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Later, useReadyWhenAll, type ReadyPart } from '../../src/ui/hydrate-later';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Logs({ name, log }: { name: string; log: string[] }) {
  useEffect(() => {
    log.push(name);
  }, [name, log]);
  return <p data-name={name}>{name}</p>;
}

function Page({ log, onReady, map }: { log: string[]; onReady(): void; map(partIn: (part: ReadyPart) => void): void }) {
  const partIn = useReadyWhenAll(onReady);
  useEffect(() => map(partIn), [map, partIn]);
  return (
    <div>
      <Later part="header" onIn={partIn}>
        <Logs name="header" log={log} />
      </Later>
      <Later part="sidebar" onIn={partIn}>
        <Logs name="sidebar" log={log} />
      </Later>
      <Logs name="map" log={log} />
      <Later part="timeline" onIn={partIn}>
        <Logs name="timeline" log={log} />
      </Later>
    </div>
  );
}

describe('Later', () => {
  it("hydrates its content after the shell's effects, keeping the HTML's elements, and the page is ready after both", async () => {
    const noop = () => undefined;
    const html = renderToString(<Page log={[]} onReady={noop} map={noop} />);
    const root = document.createElement('div');
    root.innerHTML = html;
    document.body.append(root);
    const before = root.querySelector('[data-name="sidebar"]');
    const log: string[] = [];
    let ready = 0;
    let mapIn: ((part: ReadyPart) => void) | null = null;
    await act(async () => {
      hydrateRoot(
        root,
        <Page
          log={log}
          onReady={() => ready++}
          map={(partIn) => {
            mapIn = partIn;
          }}
        />,
      );
    });
    // The map's component first, though the header and the sidebar come before it in the page.
    expect(log).toEqual(['map', 'header', 'sidebar', 'timeline']);
    expect(root.querySelector('[data-name="sidebar"]')).toBe(before);
    // Every part is in, but the map has not drawn: not ready yet.
    expect(ready).toBe(0);
    act(() => mapIn?.('map'));
    expect(ready).toBe(1);
    // Once only.
    act(() => mapIn?.('map'));
    expect(ready).toBe(1);
    root.remove();
  });
});
