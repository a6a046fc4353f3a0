// A sortable table for lists held in memory (units, groups, figures). Up to a couple of
// hundred rows it is a plain table; beyond that (a state-size register has 1,300 units) it
// scrolls in its own box and renders only the rows in view, so typing in a filter stays
// instant. Lists that page from the backend (members, staff) use their own virtualised table.
// Headers are buttons with aria-sort; a row can be a link target (its first cell holds the
// link, so the keyboard reaches it with Tab and opens it with Enter).
//
// Order (issue #11): ties fall back to the row's key, so the order is total; with `sortMemory`
// the chosen order is remembered for the session; a page that prints or exports the list holds
// the order itself (`sort` + `onSortChange`) and passes the rows through `sortTableRows`.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { nextSort, rememberSort, rememberedSort, sortRows, type TableSort } from '../lists/table-sort.js';

/** From this many rows on, only the rows in view are rendered. */
export const VIRTUAL_FROM = 200;

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** Plain-text header for the "sort by" label when `header` is not a string. */
  headerText?: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable. */
  sortValue?: (row: T) => string | number | null;
  align?: 'start' | 'end' | 'center';
  /** CSS width (e.g. '8rem', '20%'). */
  width?: string;
  className?: string;
}

interface DataTableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  caption: string;
  /** Show the caption visually (otherwise only screen readers hear it). */
  showCaption?: boolean;
  /** What to show when `rows` is empty (an EmptyState). */
  empty: ReactNode;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  /** Remember the chosen order for the session under this list name. */
  sortMemory?: string;
  /** The order, held by the page (which then prints/exports in it); `onSortChange` is told of clicks. */
  sort?: TableSort | null;
  onSortChange?: (sort: TableSort) => void;
  rowClassName?: (row: T) => string | undefined;
  /** Shows "N rows" under the table. */
  showCount?: boolean;
}

/** The rows in a table's order: the column's values (blanks last), ties by the row's key. */
export function sortTableRows<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  sort: TableSort | null | undefined,
  rowKey: (row: T) => string | number,
): T[] {
  if (!sort) return [...rows];
  const col = columns.find((c) => c.key === sort.key);
  return sortRows(rows, col?.sortValue, sort.dir, rowKey);
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption,
  empty,
  initialSort,
  sortMemory,
  sort: heldSort,
  onSortChange,
  rowClassName,
  showCount,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [ownSort, setOwnSort] = useState<TableSort | null>(() => {
    const keys = columns.filter((c) => c.sortValue).map((c) => c.key);
    return (sortMemory ? rememberedSort(sortMemory, keys) : null) ?? initialSort ?? null;
  });
  const sort = heldSort !== undefined ? heldSort : ownSort;

  const sorted = useMemo(
    () => (sort ? sortTableRows(rows, columns, sort, rowKey) : rows),
    [rows, columns, sort, rowKey],
  );

  if (rows.length === 0) return <>{empty}</>;

  const toggle = (key: string) => {
    const next = nextSort(sort, key);
    if (sortMemory) rememberSort(sortMemory, next);
    setOwnSort(next);
    onSortChange?.(next);
  };

  const virtual = sorted.length >= VIRTUAL_FROM;
  const head = (
    <thead>
      <tr aria-rowindex={virtual ? 1 : undefined}>
        {columns.map((c) => {
          const active = sort?.key === c.key;
          const ariaSort = active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : undefined;
          return (
            <th
              key={c.key}
              scope="col"
              aria-sort={c.sortValue ? (ariaSort ?? 'none') : undefined}
              className={`align-${c.align ?? 'start'}${c.className ? ` ${c.className}` : ''}`}
              style={c.width ? { width: c.width } : undefined}
            >
              {c.sortValue ? (
                <button
                  type="button"
                  className="table__sort"
                  onClick={() => toggle(c.key)}
                  title={t('table.sortBy', {
                    column: c.headerText ?? (typeof c.header === 'string' ? c.header : c.key),
                  })}
                >
                  {c.header}
                  <span className="table__sort-mark" aria-hidden="true">
                    {active ? (sort!.dir === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              ) : (
                c.header
              )}
            </th>
          );
        })}
      </tr>
    </thead>
  );
  const cells = (row: T) =>
    columns.map((c) => (
      <td key={c.key} className={`align-${c.align ?? 'start'}${c.className ? ` ${c.className}` : ''}`}>
        {c.cell(row)}
      </td>
    ));

  if (virtual) {
    return (
      <VirtualTable
        caption={caption}
        showCaption={showCaption}
        head={head}
        rows={sorted}
        columnCount={columns.length}
        rowKey={rowKey}
        rowClassName={rowClassName}
        cells={cells}
        footer={showCount ? <div className="table__count">{t('table.rows', { count: rows.length })}</div> : null}
      />
    );
  }

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        {head}
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {cells(row)}
            </tr>
          ))}
        </tbody>
      </table>
      {showCount ? <div className="table__count">{t('table.rows', { count: rows.length })}</div> : null}
    </div>
  );
}

interface VirtualTableProps<T> {
  caption: string;
  showCaption?: boolean;
  head: ReactNode;
  rows: readonly T[];
  columnCount: number;
  rowKey: (row: T) => string | number;
  rowClassName?: (row: T) => string | undefined;
  cells: (row: T) => ReactNode;
  footer: ReactNode;
}

const ROW_ESTIMATE = 38;

function VirtualTable<T>({
  caption,
  showCaption,
  head,
  rows,
  columnCount,
  rowKey,
  rowClassName,
  cells,
  footer,
}: VirtualTableProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    getItemKey: (i) => rowKey(rows[i]!),
  });
  const items = v.getVirtualItems();
  const top = items.length > 0 ? items[0]!.start : 0;
  const bottom = items.length > 0 ? v.getTotalSize() - items[items.length - 1]!.end : 0;
  return (
    <div className="table-wrap">
      {/* The box is focusable so keyboard users can scroll it with the arrow keys. */}
      <div className="table-scroll" ref={box} tabIndex={0} role="region" aria-label={caption}>
        <table className="table" aria-rowcount={rows.length + 1}>
          <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
          {head}
          <tbody>
            {top > 0 ? (
              <tr aria-hidden="true" className="table__spacer">
                <td colSpan={columnCount} style={{ height: top }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index]!;
              return (
                <tr
                  key={item.key}
                  data-index={item.index}
                  ref={v.measureElement}
                  aria-rowindex={item.index + 2}
                  className={rowClassName?.(row)}
                >
                  {cells(row)}
                </tr>
              );
            })}
            {bottom > 0 ? (
              <tr aria-hidden="true" className="table__spacer">
                <td colSpan={columnCount} style={{ height: bottom }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}
