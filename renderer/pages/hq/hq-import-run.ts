// The HQ import in progress and its last result, outside React: bundles may be dropped anywhere
// on the HQ window (HqApp) while the import page shows the run, so both read one store. Dropped
// items are sorted first — a .zip or a folder goes on, anything else is refused here with a
// reason — then turned into paths the backend can read (the preload's webUtils in Electron, an
// upload to the harness in the browser preview) and handed to `hq.import`, which reads them as
// hostile input like any other path.
import { useSyncExternalStore } from 'react';
import { call, pathsForFiles, type Res } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate } from '../../data/use-query.js';

export type Imported = Extract<Res<'hq.import'>, { cancelled: false }>;

/** Why a dropped item never reached the import (worded in the hq namespace, app.import.local). */
export type LocalRefusal = 'not_zip' | 'no_path' | 'folder_no_path';

export interface DroppedItem {
  file: File;
  /** A folder (from the drag's file-system entry); its .zip files are imported, bounded. */
  folder: boolean;
}

export interface ImportRun {
  busy: boolean;
  /** `reading`: dropped files are being located (uploaded, in the preview); `checking`: hq.import. */
  phase: 'reading' | 'checking' | null;
  progress: { done: number; total: number } | null;
  error: ApiErrorData | null;
  result: Imported | null;
  /** Dropped items refused before the import, with the name the user saw. */
  refused: { name: string; why: LocalRefusal }[];
  /** Path → the name of the item the user dropped (the harness keeps it; Electron has it). */
  names: Record<string, string>;
  /** A drag with files is over the HQ window. */
  dragging: boolean;
}

const idle: ImportRun = {
  busy: false,
  phase: null,
  progress: null,
  error: null,
  result: null,
  refused: [],
  names: {},
  dragging: false,
};

let state = idle;
let abort: AbortController | null = null;
const listeners = new Set<() => void>();

function set(patch: Partial<ImportRun>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function useImportRun(): ImportRun {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}

export function setDragging(dragging: boolean): void {
  if (state.dragging !== dragging) set({ dragging });
}

export function dismissImportError(): void {
  set({ error: null });
}

export function cancelImport(): void {
  abort?.abort();
}

/** For tests: back to nothing imported. */
export function resetImportRun(): void {
  abort?.abort();
  abort = null;
  state = idle;
  for (const l of listeners) l();
}

/**
 * What was dropped, read while the drop event lasts (a DataTransfer is emptied after it).
 * Folders are told apart by the drag's file-system entry where the browser gives one.
 */
export function droppedItems(dt: DataTransfer | null): DroppedItem[] {
  if (!dt) return [];
  const items = dt.items ? [...dt.items].filter((i) => i.kind === 'file') : [];
  if (items.length === 0) return [...(dt.files ?? [])].map((file) => ({ file, folder: false }));
  const out: DroppedItem[] = [];
  for (const item of items) {
    const file = item.getAsFile();
    if (!file) continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    out.push({ file, folder: entry?.isDirectory === true });
  }
  return out;
}

/** Whether a drag carries files (not text or a link from the page). */
export function dragHasFiles(dt: DataTransfer | null): boolean {
  return !!dt && [...(dt.types ?? [])].includes('Files');
}

const isZipName = (name: string) => /\.zip$/i.test(name);

/** Imports with the dialogs (`pick`: many files, or a folder) or given paths. */
export async function runImport(args: { paths?: string[]; pick?: 'files' | 'folder' }): Promise<void> {
  if (state.busy) return;
  abort = new AbortController();
  await check(args, abort, {});
}

async function check(
  args: { paths?: string[]; pick?: 'files' | 'folder' },
  controller: AbortController,
  extra: { refused?: ImportRun['refused']; names?: Record<string, string> },
): Promise<void> {
  set({ busy: true, phase: 'checking', error: null, progress: null });
  try {
    const r = await call('hq.import', args, {
      signal: controller.signal,
      onProgress: (p) => set({ progress: { done: p.done, total: p.total } }),
    });
    if (!r.cancelled) {
      set({ result: r, refused: extra.refused ?? [], names: extra.names ?? {} });
      invalidate();
    }
  } catch (err) {
    const error = toErrorData(err);
    // Cancel is the user's own doing: the page goes back to how it was, with no error to read.
    if (error.code !== 'CANCELLED') set({ error });
  } finally {
    set({ busy: false, phase: null, progress: null });
    abort = null;
  }
}

/** Imports what was dropped: bundles and folders go on, the rest is refused with a reason. */
export async function importDropped(items: DroppedItem[]): Promise<void> {
  if (state.busy || items.length === 0) return;
  const controller = new AbortController();
  abort = controller;
  const refused: ImportRun['refused'] = [];
  const names: Record<string, string> = {};
  const paths: string[] = [];
  const candidates = items.filter((it) => {
    if (it.folder || isZipName(it.file.name)) return true;
    refused.push({ name: it.file.name, why: 'not_zip' });
    return false;
  });
  set({ busy: true, phase: 'reading', error: null, progress: { done: 0, total: candidates.length } });
  try {
    // One at a time, so the preview's uploads show progress and Cancel stops between files.
    for (const [i, it] of candidates.entries()) {
      if (controller.signal.aborted) break;
      const [p] = await pathsForFiles([it.file]);
      if (p) {
        paths.push(p);
        names[p] = it.file.name;
      } else {
        refused.push({ name: it.file.name, why: it.folder ? 'folder_no_path' : 'no_path' });
      }
      set({ progress: { done: i + 1, total: candidates.length } });
    }
  } catch (err) {
    set({ busy: false, phase: null, progress: null, error: toErrorData(err) });
    abort = null;
    return;
  }
  if (controller.signal.aborted) {
    set({ busy: false, phase: null, progress: null });
    abort = null;
    return;
  }
  if (paths.length === 0) {
    // Nothing to import: the refusals are the whole result.
    set({
      busy: false,
      phase: null,
      progress: null,
      result: { cancelled: false, accepted: [], duplicates: [], rejected: [] },
      refused,
      names,
    });
    abort = null;
    return;
  }
  await check({ paths }, controller, { refused, names });
}
