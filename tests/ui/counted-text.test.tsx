// @vitest-environment jsdom
// What a reader sees next to a number in the views, in English and Japanese: "1 institution", "協定 1 件", never "1 institutions".
import { afterEach, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/atlas-index';
import { DEFAULT_FILTERS, evaluateFilters } from '../../src/domain/filters';
import { parseDataset, type Lang } from '../../src/domain/schema';
import { computeView, listGroups } from '../../src/domain/view';
import { CountryDetails } from '../../src/ui/panels/CountryDetails';
import { InstitutionCard } from '../../src/ui/panels/InstitutionCard';
import { ResultsList } from '../../src/ui/panels/ResultsList';
import { PlaybackControls } from '../../src/ui/timeline/PlaybackControls';
import { messageProblems } from '../i18n/message-checks';
import { MINI } from '../fixtures/mini-dataset';
import { createTestRuntime, render } from './render';

const index = buildIndex(parseDataset(MINI));
const view = computeView(evaluateFilters(index, DEFAULT_FILTERS));
globalThis.CSS ??= { escape: (value: string) => value } as typeof CSS;
Element.prototype.scrollIntoView ??= () => undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function textOf(lang: Lang, element: React.ReactElement, selected: string | null = null) {
  const { runtime } = createTestRuntime(index.yearExtent, { lang, selected });
  const page = await render(element, runtime);
  cleanups.push(page.unmount);
  return page.host;
}

describe.each(['en', 'ja'] as const)('counts in the views (%s)', (lang) => {
  it('country details: one message per count, with its noun', async () => {
    const host = await textOf(lang, <CountryDetails lang={lang} index={index} code="FR" count={view.countryCounts.get('FR')} />);
    const text = host.querySelector('p:not(.muted)')!.textContent!;
    expect(text).toBe(
      lang === 'en' ? '1 university-wide agreement · 0 department-level agreements · 1 institution' : '大学間協定 1 件 · 部局間協定 0 件 · 1 機関',
    );
    expect(messageProblems(lang, text)).toEqual([]);
  });

  it('results: institutions per country, dates through Intl, department-level counts', async () => {
    const groups = listGroups(index, view, lang, 'name', 500);
    const host = await textOf(lang, <ResultsList lang={lang} groups={groups} sort="name" onSort={() => undefined} limit={500} onShowMore={() => undefined} />);
    const headers = [...host.querySelectorAll('.result-group h3 .count')].map((e) => e.textContent);
    expect(headers).toContain(lang === 'en' ? '2 institutions' : '2 機関');
    expect(headers).toContain(lang === 'en' ? '1 institution' : '1 機関');
    const seoul = host.querySelector('[data-id="seoul"]')!.textContent!;
    expect(seoul).toContain(lang === 'en' ? 'Seoul · signed 8 Jul 1998' : 'ソウル · 1998年7月8日締結');
    expect(seoul).toContain(lang === 'en' ? '1 department-level agreement' : '部局間協定 1 件');
    for (const row of host.querySelectorAll('.result-group')) expect(messageProblems(lang, row.textContent!)).toEqual([]);
  });

  it('the institution card: a group agreement counts its institutions', async () => {
    const host = await textOf(lang, <InstitutionCard lang={lang} index={index} />, 'uc-a');
    expect(host.querySelector('.card-group')!.textContent!.trim()).toBe(lang === 'en' ? '(2 institutions in this agreement)' : '(この協定の対象は 2 機関)');
    expect(host.textContent).toContain(lang === 'en' ? 'Signed: 15 Mar 1990' : '締結日: 1990年3月15日');
  });

  it('playback: windows and speeds as messages', async () => {
    const host = await textOf(lang, <PlaybackControls lang={lang} />);
    const windows = [...host.querySelectorAll('[data-testid="playback-mode"] option')].map((o) => o.textContent);
    expect(windows).toEqual(lang === 'en' ? ['Cumulative', 'Last 3 years', 'Last 5 years', 'Last 10 years'] : ['累計', '直近3年', '直近5年', '直近10年']);
    const speeds = [...host.querySelectorAll('[data-testid="speed"] option')].map((o) => o.textContent);
    expect(speeds).toContain(lang === 'en' ? '2×' : '2倍速');
  });
});
