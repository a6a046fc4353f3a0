// React side of PageCache: one cache per set of filters, refreshed after any change in the
// register (the app-wide data version), with fetches for far jumps (a dragged scrollbar)
// deferred until the scrolling pauses, so only the pages the clerk stops at are asked for.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataVersion } from '../../data/use-query.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { PageCache, type FetchPage } from './page-cache.js';

export interface PagedRows<T> {
  total: number | undefined;
  rowAt: (index: number) => T | undefined;
  /** Tell the cache which rows are on screen (inclusive indexes). */
  onRange: (start: number, end: number) => void;
  error: ApiErrorData | null;
  retry: () => void;
  /** True until the first page of the current filters has arrived. */
  loading: boolean;
}

/** How long the scroll position must rest before a far page is fetched. */
export const JUMP_SETTLE_MS = 80;

export function usePagedRows<T>(key: string, fetchPage: FetchPage<T>, pageSize = 100): PagedRows<T> {
  const [, setTick] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const cacheRef = useRef<PageCache<T> | null>(null);
  const lastRange = useRef<{ first: number; last: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  if (!cacheRef.current) {
    cacheRef.current = new PageCache<T>({
      pageSize,
      fetchPage: (offset, limit) => fetchRef.current(offset, limit),
      onChange: () => setTick((n) => n + 1),
    });
  }
  const cache = cacheRef.current;

  // New filters: a fresh generation. The effect runs after render, so the first page is asked
  // for once per key even under StrictMode's double effects (the second reset drops the first).
  useEffect(() => {
    lastRange.current = null;
    cache.reset();
  }, [key, cache]);

  const version = useDataVersion();
  const firstVersion = useRef(version);
  useEffect(() => {
    if (version === firstVersion.current) return;
    cache.refresh();
  }, [version, cache]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onRange = useCallback(
    (start: number, end: number) => {
      const first = Math.floor(start / pageSize);
      const last = Math.floor(end / pageSize);
      const prev = lastRange.current;
      lastRange.current = { first, last };
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      // Scrolling row by row moves into the next page: fetch it now. A jump far away waits
      // until the scrollbar rests, so a fast drag does not ask for every page it passes.
      const near = !prev || (first <= prev.last + 1 && last >= prev.first - 1);
      if (near) cache.show(start, end);
      else timer.current = setTimeout(() => cache.show(start, end), JUMP_SETTLE_MS);
    },
    [cache, pageSize],
  );

  const retry = useCallback(() => cache.retry(), [cache]);

  return {
    total: cache.total,
    rowAt: (i) => cache.rowAt(i),
    onRange,
    error: cache.error ? toErrorData(cache.error) : null,
    retry,
    loading: cache.total === undefined && !cache.error,
  };
}
