// `npx tsx scripts/video-encoder-configs.ts [frames]`: what H.264 encoding costs per 1080p frame in this Chromium
// under each encoder setting the video export could use, in one run (so the ratios are comparable under load). Each
// setting encodes the same frames: a still picture with a moving part, like the export's (the map changes once a
// year, the year strip's marker every frame). Reports wall time per frame and the output's size.
import { launch, serveBuild } from './browser';
import { chromiumKind, cpuSnapshot, cpuSpent } from './proc-cpu';

const frames = Number(process.argv[2] ?? 90);

/** Runs in the page: draws and encodes `frames` 1080p frames with one encoder setting (or none). */
const ENCODE = `async ({ extra, frames, cpu, element, pixels }) => {
          const canvas = element ? Object.assign(document.createElement('canvas'), { width: 1920, height: 1080 }) : new OffscreenCanvas(1920, 1080);
          const ctx = canvas.getContext('2d', { willReadFrequently: cpu });
          let bytes = 0;
          let chunks = 0;
          let error = '';
          const encoder = new VideoEncoder({
            output: (chunk) => {
              bytes += chunk.byteLength;
              chunks += 1;
            },
            error: (e) => (error = String(e)),
          });
          const config = { codec: 'avc1.640028', width: 1920, height: 1080, framerate: 30, avc: { format: 'avc' }, ...extra };
          if (extra) {
            const support = await VideoEncoder.isConfigSupported(config);
            if (!support.supported) return { supported: false };
            encoder.configure(config);
          }
          const start = performance.now();
          for (let i = 0; i < frames; i += 1) {
            // A picture like the export's: a pale background, many shapes and words, one part moving each frame.
            ctx.fillStyle = '#f4f1ea';
            ctx.fillRect(0, 0, 1920, 1080);
            for (let k = 0; k < 400; k += 1) {
              ctx.fillStyle = \`hsl(\${(k * 37) % 360} 50% 50%)\`;
              ctx.beginPath();
              ctx.arc((k * 97) % 1920, (k * 53) % 900, 6 + (k % 20), 0, Math.PI * 2);
              ctx.fill();
            }
            ctx.fillStyle = '#333';
            ctx.font = '28px sans-serif';
            for (let k = 0; k < 40; k += 1) ctx.fillText(\`Label \${k} \${Math.floor(i / 30)}\`, (k * 211) % 1800, 40 + ((k * 71) % 900));
            ctx.fillRect((i * 20) % 1920, 960, 12, 80);
            const timing = { timestamp: (i * 1e6) / 30, duration: 1e6 / 30 };
            const frame = pixels
              ? new VideoFrame(ctx.getImageData(0, 0, 1920, 1080).data, { ...timing, format: 'RGBX', codedWidth: 1920, codedHeight: 1080 })
              : new VideoFrame(canvas, timing);
            if (extra) encoder.encode(frame, { keyFrame: i % 60 === 0 });
            frame.close();
            while (encoder.encodeQueueSize >= 4) await new Promise((r) => encoder.addEventListener('dequeue', r, { once: true }));
          }
          if (extra) await encoder.flush();
          const ms = performance.now() - start;
          encoder.close();
          return { supported: true, msPerFrame: +(ms / frames).toFixed(1), megabitsPerSecond: +((bytes * 8 * 30) / frames / 1e6).toFixed(2), chunks, error };
        }`;
const server = await serveBuild(Number(process.env.ATLAS_BENCH_PORT ?? 4313));
const browser = await launch();
try {
  const page = await browser.newPage();
  // ENCODE_PAGE=atlas: in the atlas page with its map loaded (as an export runs), not in a blank page.
  if (process.env.ENCODE_PAGE === 'atlas') {
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.goto(`${server.url}?lang=en`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
  } else await page.goto(`${server.url}robots.txt`).catch(() => page.goto(server.url));
  const only = process.env.ENCODE_ONLY;
  const configs: Record<string, Partial<VideoEncoderConfig> | null> = {
    'draw and VideoFrame only, no encoder': null,
    'draw and VideoFrame only, no encoder, CPU canvas': null,
    'quality, quantizer (mediabunny QUALITY_HIGH)': { latencyMode: 'quality', bitrateMode: 'quantizer' as VideoEncoderBitrateMode },
    'quality, 8 Mb/s variable': { latencyMode: 'quality', bitrate: 8e6, bitrateMode: 'variable' },
    'realtime, 8 Mb/s variable': { latencyMode: 'realtime', bitrate: 8e6, bitrateMode: 'variable' },
    'realtime, 8 Mb/s constant': { latencyMode: 'realtime', bitrate: 8e6, bitrateMode: 'constant' },
    'realtime, 4 Mb/s variable': { latencyMode: 'realtime', bitrate: 4e6, bitrateMode: 'variable' },
    'realtime, 8 Mb/s variable, CPU canvas': { latencyMode: 'realtime', bitrate: 8e6, bitrateMode: 'variable' },
    'quality, 8 Mb/s variable, CPU canvas': { latencyMode: 'quality', bitrate: 8e6, bitrateMode: 'variable' },
    'quality, 8 Mb/s variable, CPU canvas, HTML canvas element': { latencyMode: 'quality', bitrate: 8e6, bitrateMode: 'variable' },
    'quality, 8 Mb/s variable, CPU canvas, frame from pixels': { latencyMode: 'quality', bitrate: 8e6, bitrateMode: 'variable' },
  };
  for (const round of [1, 2, 3]) {
    for (const [name, extra] of Object.entries(configs)) {
      if (only && !name.includes(only)) continue;
      const before = cpuSnapshot();
      // Passed as text: tsx's helpers (__name) do not exist in the page.
      const result = await page.evaluate(
        `(${ENCODE})(${JSON.stringify({ extra, frames, cpu: name.includes('CPU canvas'), element: name.includes('HTML canvas'), pixels: name.includes('from pixels') })})`,
      );
      const cpu = cpuSpent(before, cpuSnapshot(), chromiumKind);
      console.log(JSON.stringify({ round, name, ...(result as object), cpuMsPerFrame: Math.round((cpu.total * 1000) / frames), cpuByThread: cpu.threads }));
    }
  }
} finally {
  await browser.close();
  server.close();
}
