// No number glued to text in the views, adapters and app: counts go through messages (t) or formatNumber, never `${n} words`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from '@typescript/typescript6';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGluedNumbers, type Finding } from './glued-numbers';

const ROOT = new URL('../../', import.meta.url).pathname;
/** The views and adapters, and the composition root (it lays out the playback overlay and the embed bar). */
const SCANNED = ['src/ui', 'src/adapters', 'src/app'];

/**
 * Known and accepted: `file` relative to the root, and a piece of the flagged text. Each entry says why; an entry
 * that no longer matches anything fails the test, so the list cannot go stale.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text to match, not a template
  { file: 'src/app/load-atlas.ts', text: 'HTTP ${response.status}', why: 'a technical detail under the translated error heading, like the URL beside it' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text to match, not a template
  { file: 'src/ui/panels/use-corrections.ts', text: 'HTTP ${response.status}', why: 'the same technical detail, under the translated panelErrorDetail' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text to match, not a template
  { file: 'src/ui/map/MapPicture.tsx', text: "${i ? 'L' : 'M'}", why: 'SVG path data (pixel coordinates), not text anyone reads' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text to match, not a template
  { file: 'src/ui/map/MapPicture.tsx', text: '${shift}:${f.properties.code}', why: 'React keys of the world copies, never shown' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text to match, not a template
  { file: 'src/ui/panels/ResultsList.tsx', text: '${g.compareClass}-${g.country.code}', why: "React keys of a comparison's country groups, never shown" },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const options = (() => {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
})();

const relative = (f: Finding) => ({ ...f, file: f.file.slice(ROOT.length) });
const allowed = (f: Finding) => ALLOWED.some((a) => f.file === a.file && f.text.includes(a.text));

/**
 * One program for the source and the fixtures below (building one costs ~10–20 s on a busy machine): the fixtures
 * are served from memory, under tests/i18n/__virtual__/.
 */
function program(fixtures: Record<string, string>, roots: string[]) {
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(fixtures).map(([name, text]) => [join(ROOT, 'tests/i18n/__virtual__', name), text]));
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, ...rest) => {
    const text = virtual.get(fileName);
    return text === undefined ? original(fileName, language, ...rest) : ts.createSourceFile(fileName, text, language, true);
  };
  const exists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || exists(fileName);
  return { program: ts.createProgram([...roots, ...virtual.keys()], options, host), virtual: [...virtual.keys()] };
}

/** The defects of the issue, as they were written: each must be found. Line 1 is the first line after the backtick. */
const DEFECTS = `declare function t(lang: 'ja' | 'en', key: string): string;
declare const lang: 'ja' | 'en';
declare const c: { agreements: number; institutions: number } | undefined;
declare const n: number, total: number, fresh: number, hidden: number, count: number, departments: number;
declare const city: string, name: string;
export const tooltip = \`\${c?.agreements ?? 0} \${t(lang, 'tooltipAgreements')} · \${c?.institutions ?? 0} \${t(lang, 'tooltipInstitutions')}\`;
export const institution = \`\${city} · \${n} \${t(lang, 'tooltipAgreements')}\`;
export const windowOption = lang === 'ja' ? \`直近\${n}年\` : \`Last \${n} years\`;
export const date = (y: number, m: number, d: number) => \`\${y}年\${m}月\${d}日\`;
export const note = \`\${hidden} \${t(lang, 'undatedHidden')}\`;
export const marker = \`\${name}: \${count}\`;
export const plus = count + ' agreements';
export const overlay = (
  <span>
    {total} {t(lang, 'partnersSoFar')}
  </span>
);
export const tag = (
  <span>
    {t(lang, 'levelDepartment')} {departments}
  </span>
);
export const details = (
  <p>
    {t(lang, 'levelUniversity')}: <strong>{count}</strong>
  </p>
);
export const kana = <span>{n}件</span>;
export const raw = <td>{total}</td>;
`;

/** What is not a number glued to words. */
const CLEAN = `declare function t(lang: 'ja' | 'en', key: string, params?: object): string;
declare function formatNumber(lang: 'ja' | 'en', n: number): string;
declare const lang: 'ja' | 'en';
declare const x: number, y: number, n: number, scale: number, year: number, id: string, testId: string;
export const transform = \`translate(\${x},\${y})\`;
export const size = \`\${x}px\`;
export const file = \`atlas@\${scale}x.png\`;
export const key = \`\${testId}-\${id}\`;
export const range = \`\${x}–\${y}\`;
export const yearCell = <th>{year}</th>;
export const formatted = <td>{formatNumber(lang, n)}</td>;
export const message = <span>{t(lang, 'agreementsCount', { n })}</span>;
`;

const roots = SCANNED.flatMap((dir) => files(join(ROOT, dir)));
let findings: Finding[] = [];
let fixtureFindings: Finding[] = [];

beforeAll(() => {
  const { program: built, virtual } = program({ 'defects.tsx': DEFECTS, 'clean.tsx': CLEAN }, roots);
  findings = findGluedNumbers(built, roots).map(relative);
  fixtureFindings = findGluedNumbers(built, virtual).map((f) => ({ ...f, file: f.file.slice(f.file.lastIndexOf('/') + 1) }));
}, 180_000);

describe('no number glued to text in src/ui, src/adapters and src/app', () => {
  it('finds none outside the allow-list', () => {
    expect(findings.filter((f) => !allowed(f))).toEqual([]);
  });

  it('has no stale allow-list entry', () => {
    expect(ALLOWED.filter((a) => !findings.some((f) => f.file === a.file && f.text.includes(a.text)))).toEqual([]);
  });
});

describe('the heuristic', () => {
  it.each([
    [6, 'template', 'the country tooltip: "1 agreements · 1 institutions"'],
    [7, 'template', 'the institution tooltip: "Taiyuan · 1 agreements"'],
    [8, 'template', "the playback window: 'Last n years' / `直近n年`"],
    [9, 'template', 'the hand-made Japanese date'],
    [10, 'template', 'the undated note'],
    [11, 'template', 'the static marker label "France: 12"'],
    [12, 'concat', 'a number added to words'],
    [15, 'jsx', 'the playback overlay "1 partner institutions"'],
    [20, 'jsx', 'the department tag "Department-level 3"'],
    [25, 'jsx', 'a label and a bold count "University-wide: 3"'],
    [28, 'jsx', 'a count glued to kana "{n}件"'],
    [29, 'raw', 'a count React prints as "12345"'],
  ] as const)('finds line %i: %s (%s)', (line, rule, _defect) => {
    expect(fixtureFindings).toContainEqual(expect.objectContaining({ file: 'defects.tsx', line, rule }));
  });

  it('leaves alone what is not a number glued to words', () => {
    expect(fixtureFindings.filter((f) => f.file === 'clean.tsx')).toEqual([]);
  });
});
