// Sorting the lists the clerk works from (issue #11): the order chosen on a list is remembered
// for the session (sessionStorage, per list), so leaving a list and coming back shows it in the
// same order; every order is total — equal values fall back to the row's key — so two visits
// never show equal rows swapped. Paged lists (members, staff) sort in SQL with the same rule
// (electron/contract/sorting.ts); lists held in memory sort here, and print/export use the
// same `sortRows`, so the file holds the rows in the order shown.
import { useCallback, useState } from 'react';

export type SortDir = 'asc' | 'desc';
export interface TableSort<K extends string = string> {
  key: K;
  dir: SortDir;
}

const PREFIX = 'samooh.sort.';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled: the order is still chosen, only not remembered
  }
}

/** The remembered order of a list, if it is one of `keys`. */
export function rememberedSort<K extends string>(list: string, keys: readonly K[]): TableSort<K> | null {
  const raw = storage()?.getItem(PREFIX + list);
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as { key?: unknown; dir?: unknown };
    if (
      typeof v.key === 'string' &&
      (keys as readonly string[]).includes(v.key) &&
      (v.dir === 'asc' || v.dir === 'desc')
    )
      return { key: v.key as K, dir: v.dir };
  } catch {
    // a damaged entry: fall back to the default order
  }
  return null;
}

export function rememberSort(list: string, sort: TableSort): void {
  storage()?.setItem(PREFIX + list, JSON.stringify({ key: sort.key, dir: sort.dir }));
}

/** A header pressed: the same column flips direction, another column starts ascending. */
export function nextSort<K extends string>(current: TableSort<K> | null, key: K): TableSort<K> {
  return current && current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/** The list's order: the remembered one, else `fallback`; `setSort` remembers the new choice. */
export function useRememberedSort<K extends string>(
  list: string,
  keys: readonly K[],
  fallback: TableSort<K>,
): [TableSort<K>, (sort: TableSort) => void] {
  const [sort, set] = useState<TableSort<K>>(() => rememberedSort(list, keys) ?? fallback);
  const known = keys.join('\n');
  const setSort = useCallback(
    (s: TableSort) => {
      if (!known.split('\n').includes(s.key)) return; // not a sortable column of this list
      rememberSort(list, s);
      set(s as TableSort<K>);
    },
    [list, known],
  );
  return [sort, setSort];
}

export type SortValue = string | number | null;

const collator = new Intl.Collator(['en-IN', 'hi-IN'], { numeric: true, sensitivity: 'base' });

/** Blanks last either way; numbers by value; text by the Hindi/English collation (case-insensitive). */
export function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Rows in the given order: by the column's value (blanks last in both directions), ties by the
 * row's key, so the order is total and the same on every visit.
 */
export function sortRows<T>(
  rows: readonly T[],
  sortValue: ((row: T) => SortValue) | undefined,
  dir: SortDir,
  rowKey: (row: T) => string | number,
): T[] {
  if (!sortValue) return [...rows];
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, v: sortValue(row), k: rowKey(row) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v !== b.v) return compareValues(a.v, b.v);
    } else {
      const c = compareValues(a.v, b.v);
      if (c !== 0) return c * sign;
    }
    const t =
      typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
    return t * sign || (String(a.k) < String(b.k) ? -sign : String(a.k) > String(b.k) ? sign : 0);
  });
  return keyed.map((x) => x.row);
}
