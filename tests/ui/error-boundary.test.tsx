// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';

function Broken(): never {
  throw new Error('panel exploded');
}

describe('ErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows one panel’s failure in place and keeps its siblings', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    await act(async () =>
      root.render(
        <main>
          <ErrorBoundary fallback={(e) => <p role="alert">failed: {e.message}</p>}>
            <Broken />
          </ErrorBoundary>
          <ErrorBoundary fallback={() => <p>unused</p>}>
            <p>the list still works</p>
          </ErrorBoundary>
        </main>,
      ),
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('failed: panel exploded');
    expect(host.textContent).toContain('the list still works');
    await act(async () => root.unmount());
  });
});
