// The entries of a ZIP archive (an XLSX workbook) that a reader asks for, inflated with caps: a few kilobytes of
// deflate can claim gigabytes, so the bytes are fed to the inflater in small slices and an entry (or all of them
// together) past its cap stops the reading with UnreadableFileError('too-big') before the memory is taken.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ZIP_LIMITS } from './limits';
import { UnreadableFileError } from './rows';

export interface ZipLimits {
  /** Inflated bytes one entry may have. */
  entryBytes: number;
  /** Inflated bytes of all the wanted entries together. */
  totalBytes: number;
}

/**
 * Compressed bytes given to the inflater at a time: deflate expands ~1,032:1 at most, so one slice can produce at
 * most ~16 MB before the cap is checked again.
 */
const SLICE = 16 * 1024;

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The wanted entries' bytes, by name (the first entry of a name wins). */
export function unzipCapped(bytes: Uint8Array, wanted: (name: string) => boolean, fileName: string, limits: ZipLimits = ZIP_LIMITS): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  let refusal: UnreadableFileError | null = null;
  let damage: string | null = null;
  const refuse = (message: string) => {
    refusal ??= new UnreadableFileError('too-big', `${fileName}: ${message}`);
  };
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name) || entries.has(file.name) || refusal) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        damage ??= `${file.name}: ${error.message}`;
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entryBytes) refuse(`${file.name} inflates past ${MB(limits.entryBytes)}, more than any list of agreements`);
      else if (total > limits.totalBytes) refuse(`the workbook inflates past ${MB(limits.totalBytes)}, more than any list of agreements`);
      if (refusal) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries.set(file.name, join(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !refusal; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (error) {
    damage ??= error instanceof Error ? error.message : String(error);
  }
  if (refusal) throw refusal;
  if (damage) throw new UnreadableFileError('xlsx', `${fileName}: not a readable XLSX workbook (${damage})`);
  return entries;
}

function join(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
