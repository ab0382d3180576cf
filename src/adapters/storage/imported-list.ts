// Keeps the lists a person opened ("Open your list") in IndexedDB, each under an id that links carry
// (`list=local:<id>`), so that a list is still shown after a reload and a link opens the list it was made for;
// nothing leaves the browser. Hand-written on IndexedDB rather than idb-keyval: the store, its legacy record and
// its migration are this file's whole need, and the write is awaited to its transaction's completion.
// Implements the state layer's ListStore (src/state/dataset-source.ts).
import { upgradeDataset } from '../../domain/dataset-version';
import type { ListStore, StoredList } from '../../state/dataset-source';
import { CURRENT_LIST_HINT } from './current-list-hint';

const DB_NAME = 'partner-atlas';
const STORE = 'imported-list';
/** The first version's one record: { fileName, json: Blob } or { fileName, dataset }. */
const LEGACY_KEY = 'current';
/** The id of the list a plain visit (or an old `list=local` link) shows. */
const CURRENT_KEY = 'current-id';
const LIST_PREFIX = 'list:';

/** Writes (an id) or clears (null) the hint; a browser that refuses localStorage only loses the hint. */
function hintCurrent(id: string | null): void {
  try {
    if (id === null) localStorage.removeItem(CURRENT_LIST_HINT);
    else localStorage.setItem(CURRENT_LIST_HINT, id);
  } catch {
    // Storage disabled or full: the page then shows the built-in numbers first, as before the hint.
  }
}

/** Clears the hint when it names this list (another tab's list stays hinted). */
function unhint(id: string): void {
  try {
    if (localStorage.getItem(CURRENT_LIST_HINT) === id) localStorage.removeItem(CURRENT_LIST_HINT);
  } catch {
    // As hintCurrent.
  }
}
/**
 * The record format: 1 was the legacy record, 2 carries an id, a schema version and the time it was saved, 3 is 2
 * with a dataset of schema version 2 (`homes`, each agreement's `homeId`: src/domain/dataset-version.ts). A record
 * of format 2 is upgraded when it is read, and written back as 3.
 */
export const STORED_SCHEMA = 3;
/** Lists kept at most: the oldest beyond these (never the current one) is dropped when another is saved. */
const MAX_LISTS = 8;

interface StoredRecord<S extends 2 | 3> {
  schema: S;
  id: string;
  fileName: string;
  savedAt: number;
  json: Blob;
}
type Record2 = StoredRecord<2>;
type Record3 = StoredRecord<3>;

interface LegacyRecord {
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

/** Runs `act` in one transaction and resolves when the transaction completes (the data is then on disk). */
async function transaction<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let result: T;
      Promise.resolve(act(tx.objectStore(STORE))).then(
        (value) => {
          result = value;
        },
        (error: unknown) => {
          tx.abort();
          reject(error);
        },
      );
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
  } finally {
    db.close();
  }
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export function newListId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const isRecord = (value: unknown): value is Record2 | Record3 =>
  typeof value === 'object' &&
  value !== null &&
  ((value as Record2).schema === 2 || (value as Record3).schema === 3) &&
  typeof (value as Record2).id === 'string' &&
  (value as Record2).json instanceof Blob;

/**
 * A record of format 3: a format-2 record's dataset upgraded to the current schema (a one-home list: `homes`, and
 * each agreement's `homeId`). Unreadable JSON is kept as it is, for the page to report.
 */
export async function upgradeRecord(record: Record2 | Record3): Promise<Record3> {
  if (record.schema === 3) return record;
  let json = record.json;
  try {
    const dataset: unknown = JSON.parse(await record.json.text());
    const upgraded = upgradeDataset(dataset);
    if (upgraded !== dataset) json = new Blob([JSON.stringify(upgraded)], { type: 'application/json' });
  } catch {
    // Not JSON: kept, and reported as unreadable when the list is opened.
  }
  return { ...record, schema: 3, json };
}

/** Moves the first version's record (if any) to an id of its own and makes it the current list. */
async function migrateLegacy(): Promise<void> {
  await transaction('readwrite', async (store) => {
    const legacy = (await request(store.get(LEGACY_KEY))) as LegacyRecord | undefined;
    if (!legacy || typeof legacy.fileName !== 'string') return;
    const json = legacy.json instanceof Blob ? legacy.json : new Blob([JSON.stringify(legacy.dataset ?? null)], { type: 'application/json' });
    const id = newListId();
    // Format 2, with the dataset as it was: readList upgrades it to format 3 when it is first read.
    store.put({ schema: 2, id, fileName: legacy.fileName, savedAt: Date.now(), json } satisfies Record2, LIST_PREFIX + id);
    store.put(id, CURRENT_KEY);
    store.delete(LEGACY_KEY);
  });
}

async function readList(id: string): Promise<StoredList | null> {
  const stored: unknown = await transaction('readonly', (store) => request(store.get(LIST_PREFIX + id)));
  if (!isRecord(stored)) return null;
  const value = await upgradeRecord(stored);
  if (value !== stored) {
    // Written back in the new format, unless the list was replaced or dropped meanwhile (another tab).
    await transaction('readwrite', async (store) => {
      const now: unknown = await request(store.get(LIST_PREFIX + id));
      if (isRecord(now) && now.schema === 2 && now.savedAt === stored.savedAt) store.put(value, LIST_PREFIX + id);
    });
  }
  let dataset: unknown;
  try {
    dataset = JSON.parse(await value.json.text());
  } catch (error) {
    dataset = { unreadable: error instanceof Error ? error.message : String(error) };
  }
  return { id: value.id, fileName: value.fileName, savedAt: value.savedAt, dataset, json: value.json };
}

export function indexedDbListStore(): ListStore | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    async current() {
      await migrateLegacy();
      const id: unknown = await transaction('readonly', (store) => request(store.get(CURRENT_KEY)));
      const list = typeof id === 'string' ? await readList(id) : null;
      // The hint follows the store (a list stored before the hint existed, or one dropped in another tab).
      hintCurrent(list ? list.id : null);
      return list;
    },
    async load(id) {
      await migrateLegacy();
      return readList(id);
    },
    async save(fileName, json) {
      const id = newListId();
      await transaction('readwrite', async (store) => {
        store.put({ schema: 3, id, fileName, savedAt: Date.now(), json } satisfies Record3, LIST_PREFIX + id);
        store.put(id, CURRENT_KEY);
        hintCurrent(id);
        const keys = (await request(store.getAllKeys())).filter((k): k is string => typeof k === 'string' && k.startsWith(LIST_PREFIX));
        if (keys.length <= MAX_LISTS) return;
        const records = (await Promise.all(keys.map((k) => request(store.get(k))))).filter(isRecord).filter((r) => r.id !== id);
        records.sort((a, b) => a.savedAt - b.savedAt);
        for (const old of records.slice(0, keys.length - MAX_LISTS)) store.delete(LIST_PREFIX + old.id);
      });
      return id;
    },
    async replace(id, json) {
      await transaction('readwrite', async (store) => {
        const value: unknown = await request(store.get(LIST_PREFIX + id));
        if (isRecord(value)) store.put({ ...value, schema: 3, json, savedAt: Date.now() } satisfies Record3, LIST_PREFIX + id);
      });
    },
    async leave(id) {
      // Only this tab's list stops being the current one: another tab's list (and every list) stays.
      await transaction('readwrite', async (store) => {
        if ((await request(store.get(CURRENT_KEY))) === id) store.delete(CURRENT_KEY);
      });
      unhint(id);
    },
    async drop(id) {
      await transaction('readwrite', async (store) => {
        store.delete(LIST_PREFIX + id);
        if ((await request(store.get(CURRENT_KEY))) === id) store.delete(CURRENT_KEY);
      });
      unhint(id);
    },
  };
}
