// What the test viewport and the browser's switches cost (issue 25: global levers for the browser suite; SwiftShader's
// and the rasteriser's work grows with the pixels). For each arm, a fresh context opens the atlas with the WebGL map
// (lang=en) until ready and idle, then brushes the timeline by keys (three filter changes, each waited for idle): the
// whole browser's CPU seconds (all processes, /proc), by process type, per arm, median of --runs=N (default 3), the
// arms taken in turn within each run. An arm is a size, optionally with more Chromium switches after a colon
// (`1366x800:--disable-gpu-compositing`); every arm has playwright.config.ts's CPU raster.
//   npx vite build && npx tsx scripts/viewport-cpu.ts [--runs=3] [--arms=1366x800,1280x720,1024x640]
import { loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { chromiumKind, cpuByKind, cpuSnapshot, cpuSpent } from './proc-cpu';
import { launch, mapIdle, openAtlas, serveBuild } from './browser';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg('runs', '3'));
const arms = arg('arms', arg('sizes', '1366x800,1280x720,1024x640'))
  .split(',')
  .map((arm) => {
    const [size, ...flags] = arm.split(':');
    const [width, height] = size!.split('x').map(Number) as [number, number];
    return { label: arm, width, height, flags: ['--disable-gpu-rasterization', ...flags] };
  });
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

const server = await serveBuild();
const browsers = new Map<string, Browser>();
for (const { flags } of arms) if (!browsers.has(flags.join(' '))) browsers.set(flags.join(' '), await launch(flags));
const cpu: number[][] = arms.map(() => []);
const gpu: number[][] = arms.map(() => []);
const load = [loadavg()[0]!];
for (let run = 0; run < runs; run += 1) {
  for (const [n, { width, height, flags }] of arms.entries()) {
    const browser = browsers.get(flags.join(' '))!;
    const context = await browser.newContext({ viewport: { width, height }, locale: 'ja-JP', reducedMotion: 'reduce' });
    const before = cpuSnapshot();
    const page = await openAtlas(context, `${server.url}?lang=en`);
    await page.getByTestId('timeline-brush').focus();
    for (const key of ['Shift+ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await mapIdle(page, 600_000);
    }
    await context.close();
    const after = cpuSnapshot();
    cpu[n]!.push(cpuSpent(before, after, chromiumKind).total);
    gpu[n]!.push(cpuByKind(before, after, chromiumKind)['gpu-process'] ?? 0);
  }
}
load.push(loadavg()[0]!);
console.log(`a map page opened and brushed 3 times, ${runs} runs, load ${load.map((l) => l.toFixed(1)).join(' → ')}, CPU raster`);
for (const [n, { label }] of arms.entries())
  console.log(
    `${label}: browser CPU s median ${median(cpu[n]!).toFixed(1)} (${cpu[n]!.map((c) => c.toFixed(1)).join(', ')}); ${(median(cpu[n]!) / median(cpu[0]!)).toFixed(2)}× the first; GPU process ${median(gpu[n]!).toFixed(1)}`,
  );
for (const browser of browsers.values()) await browser.close();
await server.close();
