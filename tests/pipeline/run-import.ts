// `npm run import` in the test's own process (src/pipeline/import-command.ts): its exit code and its stdout and
// stderr as text, as a spawned process would give them, without starting Node and tsx for each run.
import { runImport } from '../../src/pipeline/import-command';

export async function runImportHere(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? (p.stack ?? p.message) : String(p))).join(' ');
  const status = await runImport(args, { log: (...parts) => out.push(text(parts)), error: (...parts) => err.push(text(parts)) });
  const lines = (list: string[]) => (list.length ? `${list.join('\n')}\n` : '');
  return { status, stdout: lines(out), stderr: lines(err) };
}
