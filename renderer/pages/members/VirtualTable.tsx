// A virtualised table for lists too long for the DOM (2,60,000 memberships, 60,000 staff):
// only the rows in view (plus a few) exist as elements; rows come from a PageCache through
// `rowAt`, and rows whose page has not arrived show as placeholders.
//
// Keyboard: the table is one tab stop (an ARIA grid with an active row). ↑ ↓ PageUp PageDown
// Home End move the active row, Enter opens it, Delete runs the row's removal action (mark as
// left) when there is one. Buttons inside rows are for the mouse; the keyboard reaches the same
// actions through the active row or the detail page.
//
// Sorting (issue #11): a column with `sortKey` has its header as a button (Tab reaches it;
// Enter or Space toggles ascending/descending) and `aria-sort` on the column header. The table
// only shows and reports the order; the rows come sorted from the backend.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface VColumn<T> {
  key: string;
  header: ReactNode;
  /** A CSS grid track: '12rem', 'minmax(10rem, 2fr)', '1fr'. */
  width: string;
  cell: (row: T) => ReactNode;
  /** Plain text for the cell's tooltip when the content is cut off. */
  title?: (row: T) => string | undefined;
  align?: 'start' | 'end' | 'center';
  /** The backend sort column this header orders by (the header becomes a sort button). */
  sortKey?: string;
  /** Plain-text header for the "sort by" tooltip when `header` is not a string. */
  headerText?: string;
}

export interface VSort {
  key: string;
  dir: 'asc' | 'desc';
}

export interface VirtualTableProps<T> {
  label: string;
  columns: readonly VColumn<T>[];
  total: number;
  rowAt: (index: number) => T | undefined;
  onRange: (start: number, end: number) => void;
  onOpen?: (row: T) => void;
  onDelete?: (row: T) => void;
  rowClassName?: (row: T) => string | undefined;
  /** Remembers the scroll position under this key while the app runs (back from a detail page). */
  stateKey?: string;
  rowHeight?: number;
  loadingText: string;
  /** Under the table: the count, a keyboard hint. */
  footer?: ReactNode;
  /** The order the rows are in, and what a header press asks for (the page refetches). */
  sort?: VSort;
  onSort?: (sortKey: string) => void;
}

const savedOffsets = new Map<string, { offset: number; active: number }>();

/** Forgets remembered scroll positions (a register was closed; tests start clean). */
export function forgetScrollPositions(): void {
  savedOffsets.clear();
}

export function VirtualTable<T>({
  label,
  columns,
  total,
  rowAt,
  onRange,
  onOpen,
  onDelete,
  rowClassName,
  stateKey,
  rowHeight = 40,
  loadingText,
  footer,
  sort,
  onSort,
}: VirtualTableProps<T>) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const saved = stateKey ? savedOffsets.get(stateKey) : undefined;
  const [active, setActive] = useState(saved?.active ?? 0);
  const template = columns.map((c) => c.width).join(' ');

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    initialOffset: saved?.offset ?? 0,
  });

  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? -1;
  const lastIndex = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (firstIndex >= 0) onRange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, onRange]);

  // Keep the active row inside the list when the list shrinks (filters, a member left).
  useEffect(() => {
    if (total > 0 && active > total - 1) setActive(total - 1);
  }, [total, active]);

  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => {
    const el = scrollRef.current;
    return () => {
      if (stateKey && el) savedOffsets.set(stateKey, { offset: el.scrollTop, active: activeRef.current });
    };
  }, [stateKey]);

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(total - 1, index));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target !== gridRef.current) return; // keys typed in a row's button are the button's
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = active + 1;
        break;
      case 'ArrowUp':
        next = active - 1;
        break;
      case 'PageDown':
        next = active + pageRows;
        break;
      case 'PageUp':
        next = active - pageRows;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = total - 1;
        break;
      case 'Enter': {
        const row = rowAt(active);
        if (row && onOpen) {
          e.preventDefault();
          onOpen(row);
        }
        return;
      }
      case 'Delete': {
        const row = rowAt(active);
        if (row && onDelete) {
          e.preventDefault();
          onDelete(row);
        }
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    moveTo(next);
  };

  const onRowClick = (e: MouseEvent<HTMLDivElement>, index: number, row: T | undefined) => {
    setActive(index);
    // Clicks on a link or button inside the row belong to that control.
    if ((e.target as HTMLElement).closest('a, button, input, select')) return;
    if (row && onOpen) onOpen(row);
  };

  const rowId = (i: number) => `${baseId}-row-${i}`;
  const activeVisible = items.some((v) => v.index === active);

  return (
    <div
      ref={gridRef}
      className="vtable"
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      aria-activedescendant={activeVisible && total > 0 ? rowId(active) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="vtable__head">
        <div
          role="row"
          aria-rowindex={1}
          className="vtable__row vtable__row--head"
          style={{ gridTemplateColumns: template }}
        >
          {columns.map((c) => {
            const sortable = c.sortKey !== undefined && onSort !== undefined;
            const active = sortable && sort?.key === c.sortKey;
            const dir = active ? sort!.dir : undefined;
            return (
              <div
                key={c.key}
                role="columnheader"
                aria-sort={
                  sortable ? (dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none') : undefined
                }
                className={`vtable__cell align-${c.align ?? 'start'}`}
              >
                {sortable ? (
                  <button
                    type="button"
                    className="table__sort"
                    onClick={() => onSort(c.sortKey!)}
                    title={t('table.sortBy', {
                      column: c.headerText ?? (typeof c.header === 'string' ? c.header : c.key),
                    })}
                  >
                    {c.header}
                    <span className="table__sort-mark" aria-hidden="true">
                      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} className="vtable__scroll" data-testid="vtable-scroll">
        <div role="rowgroup" className="vtable__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((v) => {
            const row = rowAt(v.index);
            const cls = [
              'vtable__row',
              v.index === active ? 'is-active' : '',
              v.index % 2 ? 'is-odd' : '',
              row ? (rowClassName?.(row) ?? '') : 'vtable__row--placeholder',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              <div
                key={v.key}
                id={rowId(v.index)}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={v.index === active}
                aria-busy={row ? undefined : true}
                className={cls}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${v.start}px)` }}
                onClick={(e) => onRowClick(e, v.index, row)}
              >
                {row ? (
                  columns.map((c) => (
                    <div
                      key={c.key}
                      role="gridcell"
                      className={`vtable__cell align-${c.align ?? 'start'}`}
                      title={c.title?.(row)}
                    >
                      {c.cell(row)}
                    </div>
                  ))
                ) : (
                  <div role="gridcell" className="vtable__cell vtable__placeholder" style={{ gridColumn: '1 / -1' }}>
                    <span className="visually-hidden">{loadingText}</span>
                    <span className="vtable__shimmer" aria-hidden="true" />
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {footer ? <div className="vtable__foot">{footer}</div> : null}
    </div>
  );
}
