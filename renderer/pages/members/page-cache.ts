// Pages of a huge backend list (2,60,000 memberships), fetched on demand as the clerk scrolls.
// Only the pages under the viewport are asked for; pages already held or on their way are not
// asked for again; pages far from the viewport are dropped so memory stays bounded however far
// the list is scrolled. A change of filters starts a new generation: answers for the old one
// are dropped when they arrive, so a slow answer can never paint the wrong rows.
//
// Plain TypeScript (no React) so the paging rules are testable on their own.

export interface Page<T> {
  total: number;
  rows: readonly T[];
}

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export interface PageCacheOptions<T> {
  fetchPage: FetchPage<T>;
  pageSize: number;
  /** Pages kept in memory; the ones farthest from the viewport go first. */
  maxPages?: number;
  /** Called whenever rows, the total or the error changed. */
  onChange: () => void;
  /** Called when a fetch fails (the error as thrown). */
  onError?: (err: unknown) => void;
}

interface Entry<T> {
  rows: readonly T[];
  /** Set after a change elsewhere: the rows are still shown but are fetched again when visible. */
  stale: boolean;
}

export class PageCache<T> {
  private pages = new Map<number, Entry<T>>();
  private inflight = new Set<number>();
  private generation = 0;
  private wanted: { first: number; last: number } = { first: 0, last: 0 };
  private disposed = false;
  total: number | undefined = undefined;
  error: unknown = null;

  constructor(private readonly opts: PageCacheOptions<T>) {}

  get pageSize(): number {
    return this.opts.pageSize;
  }

  /** The row at `index`, or undefined while its page is loading (a placeholder row is shown). */
  rowAt(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.opts.pageSize));
    return page?.rows[index % this.opts.pageSize];
  }

  /** Pages currently held, for tests and diagnostics. */
  heldPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  /** Rows `start..end` (inclusive) are on screen: fetch the pages they fall in, nothing else. */
  show(start: number, end: number): void {
    const size = this.opts.pageSize;
    const first = Math.max(0, Math.floor(start / size));
    let last = Math.max(first, Math.floor(Math.max(start, end) / size));
    if (this.total !== undefined) last = Math.min(last, Math.max(0, Math.ceil(this.total / size) - 1));
    this.wanted = { first, last: Math.max(first, last) };
    for (let p = this.wanted.first; p <= this.wanted.last; p++) this.ensure(p);
    this.evict();
  }

  /** New filters: forget everything and load the first page (which also brings the total). */
  reset(): void {
    this.generation++;
    this.pages.clear();
    this.inflight.clear();
    this.total = undefined;
    this.error = null;
    this.wanted = { first: 0, last: 0 };
    this.ensure(0);
    this.opts.onChange();
  }

  /**
   * Something changed in the register (a member added or marked as left): keep showing what we
   * have, but fetch the visible pages again so counts and rows catch up without a flash.
   */
  refresh(): void {
    for (const entry of this.pages.values()) entry.stale = true;
    // Answers already on their way were asked before the change.
    this.generation++;
    this.inflight.clear();
    this.error = null;
    for (let p = this.wanted.first; p <= this.wanted.last; p++) this.ensure(p);
  }

  /** Fetch the visible pages again after an error. */
  retry(): void {
    this.error = null;
    this.opts.onChange();
    if (this.total === undefined) this.ensure(0);
    for (let p = this.wanted.first; p <= this.wanted.last; p++) this.ensure(p);
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
  }

  private ensure(page: number): void {
    const held = this.pages.get(page);
    if ((held && !held.stale) || this.inflight.has(page) || this.disposed) return;
    const gen = this.generation;
    this.inflight.add(page);
    const size = this.opts.pageSize;
    this.opts.fetchPage(page * size, size).then(
      (res) => {
        if (gen !== this.generation || this.disposed) return;
        this.inflight.delete(page);
        this.pages.set(page, { rows: res.rows, stale: false });
        const totalChanged = this.total !== res.total;
        this.total = res.total;
        if (totalChanged) {
          // The list got shorter: drop pages past its end.
          const lastPage = Math.ceil(res.total / size) - 1;
          for (const p of this.pages.keys()) if (p > lastPage && p !== 0) this.pages.delete(p);
        }
        this.evict();
        this.opts.onChange();
      },
      (err: unknown) => {
        if (gen !== this.generation || this.disposed) return;
        this.inflight.delete(page);
        this.error = err;
        this.opts.onError?.(err);
        this.opts.onChange();
      },
    );
  }

  private evict(): void {
    const max = this.opts.maxPages ?? 30;
    if (this.pages.size <= max) return;
    const mid = (this.wanted.first + this.wanted.last) / 2;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
    for (const p of byDistance) {
      if (this.pages.size <= max) break;
      if (p >= this.wanted.first && p <= this.wanted.last) continue;
      this.pages.delete(p);
    }
  }
}
