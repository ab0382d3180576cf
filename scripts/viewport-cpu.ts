// What the test viewport costs (issue 25: a global lever for the browser suite; SwiftShader's and the CPU
// rasteriser's work grows with the pixels). For each viewport, a fresh context opens the atlas with the WebGL map
// (lang=en) until ready and idle, then brushes the timeline by keys (three filter changes, each waited for idle):
// the whole browser's CPU seconds (all processes, /proc) per viewport, median of --runs=N (default 3), the viewports
// taken in turn within each run. CPU raster as playwright.config.ts.
//   npx vite build && npx tsx scripts/viewport-cpu.ts [--runs=3] [--sizes=1366x800,1280x720,1024x640]
import { loadavg } from 'node:os';
import { chromiumKind, cpuSnapshot, cpuSpent } from './proc-cpu';
import { launch, mapIdle, openAtlas, serveBuild } from './browser';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg('runs', '3'));
const sizes = arg('sizes', '1366x800,1280x720,1024x640')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

const server = await serveBuild();
const browser = await launch(['--disable-gpu-rasterization']);
const cpu: number[][] = sizes.map(() => []);
const load = [loadavg()[0]!];
for (let run = 0; run < runs; run += 1) {
  for (const [n, [width, height]] of sizes.entries()) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'ja-JP', reducedMotion: 'reduce' });
    const before = cpuSnapshot();
    const page = await openAtlas(context, `${server.url}?lang=en`);
    await page.getByTestId('timeline-brush').focus();
    for (const key of ['Shift+ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
      await page.keyboard.press(key);
      await mapIdle(page, 600_000);
    }
    await context.close();
    cpu[n]!.push(cpuSpent(before, cpuSnapshot(), chromiumKind).total);
  }
}
load.push(loadavg()[0]!);
console.log(`a map page opened and brushed 3 times, ${runs} runs, load ${load.map((l) => l.toFixed(1)).join(' → ')}, CPU raster`);
for (const [n, [width, height]] of sizes.entries())
  console.log(
    `${width}×${height}: browser CPU s median ${median(cpu[n]!).toFixed(1)} (${cpu[n]!.map((c) => c.toFixed(1)).join(', ')}); ${(median(cpu[n]!) / median(cpu[0]!)).toFixed(2)}× the first`,
  );
await browser.close();
await server.close();
