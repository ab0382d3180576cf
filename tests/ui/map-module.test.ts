// MapLibre's module, asked for once per page (issue 29, fast link): the page's loader hands every caller the same
// promise, so the map view, asking after hydration, gets the one that settled while the page hydrated (a second
// import() of a module already run resolves only in a task of its own, which Chromium ran after the page's other work).
import { describe, expect, it } from 'vitest';
import { mapModuleLoader } from '../../src/ui/map/map-module';

describe('mapModuleLoader', () => {
  it('asks once and gives every call the same promise', async () => {
    let asked = 0;
    const load = mapModuleLoader(async () => ({ asked: ++asked }));
    const first = load();
    expect(load()).toBe(first);
    expect(await first).toEqual({ asked: 1 });
    expect(load()).toBe(first);
    expect(asked).toBe(1);
  });

  it('asks again after a failure', async () => {
    let asked = 0;
    const load = mapModuleLoader(async () => {
      asked++;
      if (asked === 1) throw new Error('offline');
      return 'module';
    });
    await expect(load()).rejects.toThrow('offline');
    expect(await load()).toBe('module');
    expect(asked).toBe(2);
  });
});
