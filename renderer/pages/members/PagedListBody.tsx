// The scaffolding the paged register lists (Members, Staff) share: a search box whose typing
// reaches the address after a pause, the count in the header, and the body under the filter bar —
// loading, empty (with the next step), empty under filters (with Clear filters) or the table.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Link, setQuery } from '../../router/hash-router.js';
import type { PagedRows } from './use-paged-rows.js';
import { VirtualTable, type VirtualTableProps } from './VirtualTable.js';

const SEARCH_DEBOUNCE_MS = 300;

/** The search box's text: follows the typing at once, while the list follows the box after a pause. */
export function useSearchText(q: string): [string, (text: string) => void] {
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => setQuery({ q: text.trim() ? text : null }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q]);
  return [text, setText];
}

interface SearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  text: string;
  onText: (text: string) => void;
}

/** The list's search box; Enter searches at once. `data-page-search` is where Ctrl+F lands. */
export function SearchField({ id, label, placeholder, text, onText }: SearchFieldProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input search-input"
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setQuery({ q: text.trim() ? text : null });
        }}
        data-page-search
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}

/** The header's subtitle: a description until the count is known, then the count (announced). */
export function TotalSubtitle({ total, idle, count }: { total: number | undefined; idle: string; count: string }) {
  return total === undefined ? idle : <span role="status">{count}</span>;
}

/** The filter bar's Clear filters, shown only while a filter is set. */
export function ClearFiltersButton({ shown, onClear }: { shown: boolean; onClear: () => void }) {
  const { t: tc } = useTranslation();
  return shown ? (
    <button type="button" className="btn btn--ghost" onClick={onClear}>
      {tc('actions.clearFilters')}
    </button>
  ) : null;
}

interface PagedListBodyProps<T> {
  paged: PagedRows<T>;
  /** What an empty list under filters says; null when no filter is set. */
  emptyFiltered: { title: string; body: string } | null;
  onClearFilters: () => void;
  /** What an empty register says, and its next steps: add one, or import the register. */
  empty: { title: string; body: string; addLabel: string; onAdd: () => void; importLabel: string };
  table: Omit<VirtualTableProps<T>, 'total' | 'rowAt' | 'onRange'>;
}

export function PagedListBody<T>({ paged, emptyFiltered, onClearFilters, empty, table }: PagedListBodyProps<T>) {
  const { t: tc } = useTranslation();
  const total = paged.total;
  return (
    <>
      {paged.error ? <ErrorBanner error={paged.error} onRetry={paged.retry} /> : null}

      {total === undefined ? (
        paged.error ? null : (
          <p className="muted" role="status">
            {tc('state.loading')}
          </p>
        )
      ) : total === 0 ? (
        emptyFiltered ? (
          <EmptyState
            title={emptyFiltered.title}
            body={emptyFiltered.body}
            action={
              <button type="button" className="btn" onClick={onClearFilters}>
                {tc('actions.clearFilters')}
              </button>
            }
          />
        ) : (
          <EmptyState
            title={empty.title}
            body={empty.body}
            action={
              <>
                <button type="button" className="btn btn--primary" onClick={empty.onAdd}>
                  {empty.addLabel}
                </button>
                <Link to="/import" className="btn">
                  {empty.importLabel}
                </Link>
              </>
            }
          />
        )
      ) : (
        <VirtualTable {...table} total={total} rowAt={paged.rowAt} onRange={paged.onRange} />
      )}
    </>
  );
}

interface FilterSelectProps {
  id: string;
  label: string;
  /** The address parameter the choice is kept in (blank = no filter). */
  param: string;
  value: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
  /** Long names (groups, units, ranks) get the wider box. */
  wide?: boolean;
}

/** One filter of the bar: a choice kept in the address, "all" first. */
export function FilterSelect({ id, label, param, value, allLabel, options, wide }: FilterSelectProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={wide ? 'input select members-filter--group' : 'input select'}
        value={value}
        onChange={(e) => setQuery({ [param]: e.target.value || null })}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
