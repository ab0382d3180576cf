// `npm run lighthouse`: Lighthouse's mobile audit (its default preset: a phone's screen, touch, throttled CPU and
// network) of the production build, accessibility and SEO, and "legible font sizes" (an SEO audit until
// Lighthouse 12, which files it under best practices: that category is run for it), on this machine's Chromium. Prints the scores and every failing audit with the elements it names, and writes a JSON summary
// (bench/lighthouse-mobile.json). Usage: npm run lighthouse [-- --lang=ja|en] (default: both, one run each).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveBuild } from './browser';
import { CHROMIUM_PATH } from './chromium';

const LANGS = (process.argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length) ?? 'ja,en').split(',');
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  // Software WebGL, as in the browser tests, so the page shows its WebGL map and not the no-WebGL fallback.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

interface AuditItem {
  node?: { selector?: string; snippet?: string; nodeLabel?: string };
  selector?: string | { selector?: string };
  fontSize?: string;
  coverage?: string;
  source?: unknown;
  /** robots-txt and similar: what is wrong with a line. */
  message?: string;
  line?: string;
}

/** The elements (selectors) an audit names, with what it says of each where it says something (a font size). */
function items(details: unknown): string[] {
  const list = ((details as { items?: AuditItem[] } | undefined)?.items ?? []) as AuditItem[];
  return list.map((item) => {
    const selector =
      item.node?.selector ?? (typeof item.selector === 'string' ? item.selector : item.selector?.selector) ?? item.node?.snippet ?? item.message ?? '?';
    const extra = [item.fontSize, item.coverage].filter(Boolean).join(', ');
    return extra ? `${selector} (${extra})` : selector;
  });
}

const server = await serveBuild(Number(process.env.ATLAS_LIGHTHOUSE_PORT ?? 4175));
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: FLAGS });
const summary: Record<string, unknown>[] = [];
try {
  for (const lang of LANGS) {
    const url = `${server.url}?lang=${lang}`;
    console.log(`auditing ${url} (mobile)…`);
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['accessibility', 'seo', 'best-practices'] });
    if (!result) throw new Error('Lighthouse returned nothing');
    const { lhr } = result;
    const fontSize = lhr.audits['font-size'];
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? null, items: items(a.details) }));
    const entry = {
      url,
      lang,
      formFactor: lhr.configSettings.formFactor,
      lighthouseVersion: lhr.lighthouseVersion,
      scores: Object.fromEntries(Object.values(lhr.categories).map((c) => [c.id, c.score === null ? null : Math.round(c.score * 100)])),
      // "x % legible text", and the selectors of the rest with their sizes.
      legibleText: fontSize?.displayValue ?? null,
      fontSizeScore: fontSize?.score ?? null,
      failing,
      runWarnings: lhr.runWarnings,
    };
    summary.push(entry);
    console.log(`${lang}: scores ${JSON.stringify(entry.scores)}; legible text: ${entry.legibleText}`);
    for (const f of failing) {
      console.log(`  ✗ ${f.id}: ${f.title}${f.displayValue ? ` — ${f.displayValue}` : ''}`);
      for (const item of f.items.slice(0, 20)) console.log(`      ${item}`);
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
mkdirSync('bench', { recursive: true });
writeFileSync('bench/lighthouse-mobile.json', `${JSON.stringify({ date: new Date().toISOString(), runs: summary }, null, 2)}\n`);
console.log('wrote bench/lighthouse-mobile.json');
