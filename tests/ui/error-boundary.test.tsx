// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';

function Broken(): never {
  throw new Error('panel exploded');
}

/**
 * A panel whose failure passes: it throws until `cause.gone` (React renders a failing tree twice before giving up,
 * so "throws on its first render only" would never reach the boundary).
 */
const cause = { gone: false };
function Flaky() {
  if (!cause.gone) throw new Error('panel exploded once');
  return <p>the panel is back</p>;
}

describe('ErrorBoundary', () => {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    cause.gone = false;
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    host.remove();
    vi.restoreAllMocks();
  });
  const fallback = (e: Error) => <p role="alert">failed: {e.message}</p>;
  const retry = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Try again');

  it('shows one panel’s failure in place and keeps its siblings', async () => {
    await act(async () =>
      root.render(
        <main>
          <ErrorBoundary lang="en" fallback={fallback}>
            <Broken />
          </ErrorBoundary>
          <ErrorBoundary lang="en" fallback={() => <p>unused</p>}>
            <p>the list still works</p>
          </ErrorBoundary>
        </main>,
      ),
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('failed: panel exploded');
    expect(host.textContent).toContain('the list still works');
  });

  it('“Try again” renders the panel afresh', async () => {
    await act(async () =>
      root.render(
        <ErrorBoundary lang="en" fallback={fallback}>
          <Flaky />
        </ErrorBoundary>,
      ),
    );
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('failed: panel exploded once');
    cause.gone = true;
    await act(async () => retry()!.click());
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.textContent).toBe('the panel is back');
  });

  it('the button speaks the page’s language', async () => {
    await act(async () =>
      root.render(
        <ErrorBoundary lang="ja" fallback={fallback}>
          <Broken />
        </ErrorBoundary>,
      ),
    );
    expect(host.querySelector('button')?.textContent).toBe('再試行');
  });

  it('a new resetKey renders the failed panel again; the same key does not', async () => {
    const render = (key: string) =>
      act(async () =>
        root.render(
          <ErrorBoundary lang="en" fallback={fallback} resetKey={key}>
            <Flaky />
          </ErrorBoundary>,
        ),
      );
    await render('en|FR');
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    cause.gone = true;
    await render('en|FR');
    expect(host.querySelector('[role="alert"]')).not.toBeNull();
    await render('ja|FR');
    expect(host.textContent).toBe('the panel is back');
  });
});
