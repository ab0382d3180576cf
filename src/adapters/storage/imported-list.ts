// Keeps the list a person opened ("Open your list") in IndexedDB, so that it is still shown after a reload; nothing
// leaves the browser. Every failure (no IndexedDB, private browsing, a full disk) means "no saved list".
import type { Dataset } from '../../domain/schema';

const DB_NAME = 'partner-atlas';
const STORE = 'imported-list';
const KEY = 'current';

export interface SavedList {
  fileName: string;
  /** As saved: validate it before use (an older version of the app may have written it). */
  dataset: unknown;
}

/**
 * What is stored: the dataset as JSON in a Blob (storing and reading back 40,000 agreements as objects costs the
 * page a structured clone each way, seconds of its thread), or, as the first version stored it, the dataset itself.
 */
interface Stored {
  fileName: string;
  json?: Blob;
  dataset?: unknown;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function loadSavedList(): Promise<SavedList | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    const value = (await withStore('readonly', (s) => s.get(KEY))) as Partial<Stored> | undefined;
    if (!value || typeof value.fileName !== 'string') return null;
    const dataset: unknown = value.json instanceof Blob ? JSON.parse(await value.json.text()) : value.dataset;
    return dataset ? { fileName: value.fileName, dataset } : null;
  } catch {
    return null;
  }
}

/** Keeps the list: its dataset as JSON (a Blob, or the dataset to write as one). */
export async function saveList(fileName: string, json: Blob | Dataset): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    const blob = json instanceof Blob ? json : new Blob([JSON.stringify(json)], { type: 'application/json' });
    await withStore('readwrite', (s) => s.put({ fileName, json: blob } satisfies Stored, KEY));
  } catch (error) {
    console.warn('imported list not kept for the next visit:', error instanceof Error ? error.message : String(error));
  }
}

export async function forgetList(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await withStore('readwrite', (s) => s.delete(KEY));
  } catch {
    // Nothing kept, or nothing to keep it in.
  }
}
