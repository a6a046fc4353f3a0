// A plain, sortable table for lists of up to a few thousand rows (units, groups, figures).
// Huge lists (members, staff) page from the backend and use a virtualised table instead.
// Headers are buttons with aria-sort; a row can be a link target (its first cell holds the
// link, so the keyboard reaches it with Tab and opens it with Enter).
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
  rowClassName?: (row: T) => string | undefined;
  /** Shows "N rows" under the table. */
  showCount?: boolean;
}

const collator = new Intl.Collator(['en-IN', 'hi-IN'], { numeric: true, sensitivity: 'base' });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1; // blanks last either way
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption,
  empty,
  initialSort,
  rowClassName,
  showCount,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState(initialSort ?? null);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const col = columns.find((c) => c.key === sort.key);
    if (!col?.sortValue) return rows;
    const get = col.sortValue;
    const out = [...rows].sort((a, b) => {
      const r = compare(get(a), get(b));
      return sort.dir === 'asc' ? r : -r;
    });
    return out;
  }, [rows, columns, sort]);

  if (rows.length === 0) return <>{empty}</>;

  const toggle = (key: string) =>
    setSort((s) => (s && s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));

  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={showCaption ? 'table__caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
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
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={`align-${c.align ?? 'start'}${c.className ? ` ${c.className}` : ''}`}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {showCount ? <div className="table__count">{t('table.rows', { count: rows.length })}</div> : null}
    </div>
  );
}
