// Which list the page shows, and switching lists: the built-in dataset, or a list opened in this browser and kept
// by a ListStore (IndexedDB, src/adapters/storage) under an id that links carry (`list=local:<id>`). The app calls
// `openInitialList` once and `applyList` / `leaveList` on the person's say; the store is passed in (this layer does
// not import adapters). A stored list that fails validation is kept and reported, never deleted without a word.
import type { Dataset } from '../domain/schema';
import { DatasetError } from '../domain/schema';
import { validateDataset } from '../domain/validate-dataset';
import { pageUrl, parseListParam } from './url';

export interface StoredList {
  id: string;
  fileName: string;
  savedAt: number;
  /** As stored: validate before use (an older version may have written it, or a stricter schema reject it). */
  dataset: unknown;
  json: Blob;
}

export interface ListStore {
  /** The list a plain visit or an old `list=local` link shows (the one last applied here), if any. */
  current(): Promise<StoredList | null>;
  load(id: string): Promise<StoredList | null>;
  /** Stores a list and makes it the current one; resolves with its id once it is written. */
  save(fileName: string, json: Blob): Promise<string>;
  /** Stores a repaired dataset in place of the list's. */
  replace(id: string, json: Blob): Promise<void>;
  /** This tab leaves the list: it stops being the current one if it was; no list is deleted. */
  leave(id: string): Promise<void>;
  /** Deletes the list. */
  drop(id: string): Promise<void>;
}

export interface ShownList {
  id: string;
  fileName: string;
}

/** Why the page opens with a note: the linked list is not here, or it is here but no longer valid. */
export type ListNotice = { kind: 'local-list-missing' } | { kind: 'list-invalid'; list: StoredList; problems: string[] } | null;

export interface Opening {
  /** The stored list's dataset, or null for the built-in one. */
  dataset: Dataset | null;
  list: ShownList | null;
  /** The query string the runtime starts from (the link's own, or only its language when its list is missing). */
  search: string;
  notice: ListNotice;
}

const problemsOf = (error: unknown) => (error instanceof DatasetError ? error.problems : [error instanceof Error ? error.message : String(error)]);

/**
 * The list to open with: on a plain visit the current stored list; with `list=local:<id>` that list; with an old
 * `list=local` the current one; with any other link the built-in list. A linked list not here shows the built-in
 * list in the link's language, and says so; an invalid one is kept and reported.
 */
export async function openInitialList(search: string, store: ListStore | null): Promise<Opening> {
  const params = new URLSearchParams(search);
  const { localList, localListId } = parseListParam(params.get('list'));
  const plainVisit = [...params.keys()].every((key) => key === 'lang');
  let stored: StoredList | null = null;
  if (store && (localList || plainVisit)) {
    try {
      stored = localListId ? await store.load(localListId) : await store.current();
    } catch {
      stored = null;
    }
  }
  if (stored) {
    try {
      const dataset = validateDataset(stored.dataset);
      const list = { id: stored.id, fileName: stored.fileName };
      // An old `list=local` link, or a plain visit, now names the list it shows.
      const named = withList(search, stored.id);
      history.replaceState(history.state, '', pageUrl(location, named, location.hash));
      return { dataset, list, search: named, notice: null };
    } catch (error) {
      const only = languageOnly(params);
      history.replaceState(history.state, '', pageUrl(location, only, location.hash));
      return { dataset: null, list: null, search: only, notice: { kind: 'list-invalid', list: stored, problems: problemsOf(error) } };
    }
  }
  if (localList) {
    // The link's list stays in the browser it was opened in: its view would be wrong data here.
    const only = languageOnly(params);
    history.replaceState(history.state, '', pageUrl(location, only, location.hash));
    return { dataset: null, list: null, search: only, notice: { kind: 'local-list-missing' } };
  }
  return { dataset: null, list: null, search, notice: null };
}

/** The query string naming a stored list (`list=local:<id>`), or none (null: the built-in list). */
export function withList(search: string, id: string | null): string {
  const next = new URLSearchParams(search);
  if (id) next.set('list', `local:${id}`);
  else next.delete('list');
  const text = next.toString();
  return text ? `?${text}` : '';
}

/** Points the address bar at the list now shown, keeping the view's other parameters. */
export function showListInUrl(id: string | null): void {
  history.replaceState(history.state, '', pageUrl(location, withList(location.search, id), location.hash));
}

function languageOnly(params: URLSearchParams): string {
  const lang = params.get('lang');
  return lang === null ? '' : `?${new URLSearchParams({ lang }).toString()}`;
}

/** Keeps an applied list; resolves with its id once it is stored, or null if it could not be (it is shown all the same). */
export async function keepList(store: ListStore | null, fileName: string, json: Blob): Promise<string | null> {
  if (!store) return null;
  try {
    return await store.save(fileName, json);
  } catch (error) {
    console.warn('imported list not kept for the next visit:', error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** Agreements and institutions that the problems name by index: `agreements[12] (…)`, `institutions[3] (…)`. */
function namedIndices(problems: readonly string[], collection: 'agreements' | 'institutions'): Set<number> {
  const out = new Set<number>();
  const prefix = `${collection}[`;
  for (const problem of problems) {
    if (!problem.startsWith(prefix)) continue;
    const end = problem.indexOf(']', prefix.length);
    const n = Number(problem.slice(prefix.length, end));
    if (end > 0 && Number.isInteger(n)) out.add(n);
  }
  return out;
}

/**
 * A stored list with its bad rows dropped: the agreements and institutions the problems name (and agreements of a
 * dropped institution), validated again, a few rounds at most. Null when that does not give a valid dataset.
 */
export function repairDataset(data: unknown, problems: readonly string[]): { dataset: Dataset; dropped: number } | null {
  let current = data as { agreements?: { institutionIds?: string[] }[]; institutions?: { id?: string }[] };
  let issues = problems;
  let dropped = 0;
  for (let round = 0; round < 4; round++) {
    if (!current || !Array.isArray(current.agreements) || !Array.isArray(current.institutions)) return null;
    const badAgreements = namedIndices(issues, 'agreements');
    const badInstitutions = namedIndices(issues, 'institutions');
    if (badAgreements.size === 0 && badInstitutions.size === 0) return null;
    const goneIds = new Set(current.institutions.filter((_, n) => badInstitutions.has(n)).map((i) => i.id));
    const agreements = current.agreements.filter((a, n) => !badAgreements.has(n) && !(a.institutionIds ?? []).some((id) => goneIds.has(id)));
    dropped += current.agreements.length - agreements.length;
    current = { ...current, agreements, institutions: current.institutions.filter((_, n) => !badInstitutions.has(n)) };
    try {
      return { dataset: validateDataset(current), dropped };
    } catch (error) {
      issues = problemsOf(error);
    }
  }
  return null;
}
