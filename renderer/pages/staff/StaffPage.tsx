// The staff roster (`staff.list`, 60,000 at state size): virtualised and paged like Members,
// with the filter the DGP's order cares most about — "not in any group" (rule R6).
// Filters live in the address: `#/staff?q=…&uncovered=1&unit=…&rank=…&gender=…`. The order (issue
// #11) is remembered for the session; print/export use the same order.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ListOutput } from '../../components/ListOutput.js';
import { loadStaff, MAX_OUTPUT_ROWS, staffSheet } from '../../lists/sheets.js';
import { PageHeader } from '../../components/PageHeader.js';
import { call } from '../../data/call.js';
import { localName } from '../../format/names.js';
import { useFormat } from '../../format/use-format.js';
import { Link, navigate, seg, setQuery } from '../../router/hash-router.js';
import { AddStaffDialog } from '../members/AddStaffDialog.js';
import { formatPhone } from '../members/member-format.js';
import {
  ClearFiltersButton,
  FilterSelect,
  PagedListBody,
  SearchField,
  TotalSubtitle,
  useSearchText,
} from '../members/PagedListBody.js';
import { usePagedRows } from '../members/use-paged-rows.js';
import type { VColumn } from '../members/VirtualTable.js';
import { postingName, rankName, StaffFormDialog, useRanks, useUnits, type StaffRow } from './StaffFormDialog.js';
import { nextSort, useRememberedSort } from '../../lists/table-sort.js';
import { DEFAULT_STAFF_SORT, STAFF_SORT_COLUMNS } from '../../../electron/contract/sorting.js';
import '../members/members.css';

export const STAFF_PAGE_SIZE = 100;

function asGender(v: string | null): 'F' | 'M' | 'X' | undefined {
  return v === 'F' || v === 'M' || v === 'X' ? v : undefined;
}

export function staffHref(serviceNo: string): string {
  return `/staff/${seg(serviceNo)}`;
}

export function StaffPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const { t: tl } = useTranslation(['lists', 'common']);
  const f = useFormat();
  const ranks = useRanks();
  const units = useUnits();

  const q = query.get('q') ?? '';
  const uncovered = query.get('uncovered') === '1';
  const unit = query.get('unit') ?? '';
  const rank = query.get('rank') ?? '';
  const gender = asGender(query.get('gender'));

  const [text, setText] = useSearchText(q);
  const [order, setOrder] = useRememberedSort('staff', STAFF_SORT_COLUMNS, {
    key: DEFAULT_STAFF_SORT.column,
    dir: DEFAULT_STAFF_SORT.dir,
  });
  const sort = useMemo(() => ({ column: order.key, dir: order.dir }), [order]);

  const filters = useMemo(
    () => ({
      query: q.trim() || undefined,
      uncovered: uncovered || undefined,
      unitCode: unit || undefined,
      rank: rank || undefined,
      gender,
    }),
    [q, uncovered, unit, rank, gender],
  );
  const key = JSON.stringify({ ...filters, sort });
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('staff.list', { ...filters, sort, offset, limit }),
    [filters, sort],
  );
  const paged = usePagedRows<StaffRow>(key, fetchPage, STAFF_PAGE_SIZE);

  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'group'; staff: StaffRow } | null>(null);
  const filtered = Boolean(filters.query || filters.uncovered || filters.unitCode || filters.rank || filters.gender);

  // Long English rank names ("Deputy Superintendent of Police") are shown as the office writes
  // them (DSP), the full name in the tooltip; Hindi names are short enough as they are.
  const shortRank = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of ranks.data ?? []) if (r.nameEn.length > 18 && r.aliases[0]) m.set(r.code, r.aliases[0]);
    return m;
  }, [ranks.data]);

  const columns = useMemo<VColumn<StaffRow>[]>(
    () => [
      {
        key: 'serviceNo',
        sortKey: 'serviceNo',
        header: t('columns.serviceNo'),
        width: '8.5rem',
        title: (r) => r.serviceNo,
        cell: (r) => <span className="mono">{r.serviceNo}</span>,
      },
      {
        key: 'name',
        sortKey: 'name',
        header: t('columns.name'),
        width: 'minmax(8rem, 1.5fr)',
        title: (r) => r.name,
        cell: (r) => (
          <Link to={staffHref(r.serviceNo)} tabIndex={-1}>
            {r.name}
          </Link>
        ),
      },
      {
        key: 'rank',
        sortKey: 'rank',
        header: t('columns.rank'),
        width: 'minmax(9rem, 2.2fr)',
        title: (r) => `${r.rankEn} · ${r.rankHi}`,
        cell: (r) => (f.lang === 'hi' ? r.rankHi || r.rankEn : (shortRank.get(r.rankCode) ?? r.rankEn)),
      },
      {
        key: 'gender',
        header: t('columns.gender'),
        width: '4rem',
        cell: (r) => tc(`gender.${r.gender}`),
      },
      {
        key: 'unit',
        sortKey: 'posting',
        header: t('columns.unit'),
        width: 'minmax(6rem, 1.2fr)',
        title: (r) => `${postingName(r, f.lang)} (${r.unitCode})`,
        cell: (r) => postingName(r, f.lang),
      },
      {
        key: 'phone',
        header: t('columns.phone'),
        width: '8.6rem',
        cell: (r) => <span className="num nowrap">{formatPhone(r.phone)}</span>,
      },
      {
        key: 'groups',
        header: t('columns.groups'),
        width: '3.8rem',
        align: 'end',
        cell: (r) =>
          r.activeGroups > 0 ? (
            <span className="num">{f.number(r.activeGroups)}</span>
          ) : (
            <span className="pill pill--bad">{t('noGroup')}</span>
          ),
      },
      {
        key: 'actions',
        header: <span className="visually-hidden">{t('columns.actions')}</span>,
        width: '7.8rem',
        align: 'end',
        cell: (r) => (
          <button
            type="button"
            className={r.activeGroups > 0 ? 'btn btn--small btn--ghost' : 'btn btn--small'}
            tabIndex={-1}
            aria-label={t('actions.addToGroupOf', { name: r.name })}
            onClick={() => setDialog({ kind: 'group', staff: r })}
          >
            {t('actions.addToGroup')}
          </button>
        ),
      },
    ],
    [t, tc, f, shortRank],
  );

  const total = paged.total;
  const clearFilters = () => {
    setText('');
    setQuery({ q: null, uncovered: null, unit: null, rank: null, gender: null });
  };
  const unitChoices = (units.data ?? [])
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code, 'en-IN', { numeric: true }));

  return (
    <div className="page page--fill">
      <PageHeader
        title={t('title')}
        subtitle={
          <TotalSubtitle
            total={total}
            idle={t('subtitle')}
            count={t('total', { count: total ?? 0, formatted: f.number(total ?? 0) })}
          />
        }
        actions={
          <>
            <ListOutput
              fileName={uncovered ? 'staff-no-group' : 'staff'}
              tooMany={total != null && total > MAX_OUTPUT_ROWS ? total : null}
              load={async () => {
                const words = [
                  uncovered ? t('filters.uncovered') : '',
                  unit ? `${t('filters.unit')}: ${unit}` : '',
                  rank
                    ? `${t('filters.rank')}: ${rankName((ranks.data ?? []).find((r) => r.code === rank) ?? { nameEn: rank, nameHi: rank }, f.lang)}`
                    : '',
                  gender ? tc(`gender.${gender}`) : '',
                  filters.query ? `"${filters.query}"` : '',
                ].filter(Boolean);
                const title = uncovered ? tl('list.uncovered') : tl('list.staff');
                return staffSheet(await loadStaff({ ...filters, sort }), tl, f.lang, title, words.join(', '));
              }}
            />
            <button type="button" className="btn btn--primary" onClick={() => setDialog({ kind: 'create' })}>
              {t('actions.add')}
            </button>
          </>
        }
      />

      <div className="toolbar" role="search" aria-label={t('filters.label')}>
        <SearchField
          id="staff-search"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          text={text}
          onText={setText}
        />
        <FilterSelect
          id="staff-unit"
          label={t('filters.unit')}
          param="unit"
          value={unit}
          allLabel={t('filters.allUnits')}
          options={unitChoices.map((u) => ({ value: u.code, label: `${localName(u, f.lang)} (${u.code})` }))}
          wide
        />
        <FilterSelect
          id="staff-rank"
          label={t('filters.rank')}
          param="rank"
          value={rank}
          allLabel={t('filters.allRanks')}
          options={(ranks.data ?? []).map((r) => ({ value: r.code, label: rankName(r, f.lang) }))}
          wide
        />
        <FilterSelect
          id="staff-gender"
          label={t('filters.gender')}
          param="gender"
          value={gender ?? ''}
          allLabel={t('filters.allGenders')}
          options={(['F', 'M', 'X'] as const).map((g) => ({ value: g, label: tc(`gender.${g}`) }))}
        />
        <div className="field">
          <span className="field__label" aria-hidden="true">
            &nbsp;
          </span>
          <label className="check-field" title={t('filters.uncoveredHint')}>
            <input
              type="checkbox"
              checked={uncovered}
              onChange={(e) => setQuery({ uncovered: e.target.checked ? '1' : null })}
            />
            {t('filters.uncovered')}
          </label>
        </div>
        <ClearFiltersButton shown={filtered} onClear={clearFilters} />
      </div>

      {ranks.error ? <ErrorBanner error={ranks.error} onRetry={ranks.reload} /> : null}
      <PagedListBody
        paged={paged}
        emptyFiltered={
          uncovered
            ? { title: t('empty.uncoveredTitle'), body: t('empty.uncoveredBody') }
            : filtered
              ? { title: t('empty.filteredTitle'), body: t('empty.filteredBody') }
              : null
        }
        onClearFilters={clearFilters}
        empty={{
          title: t('empty.title'),
          body: t('empty.body'),
          addLabel: t('actions.add'),
          onAdd: () => setDialog({ kind: 'create' }),
          importLabel: t('empty.import'),
        }}
        table={{
          label: t('title'),
          columns,
          onOpen: (r) => navigate(staffHref(r.serviceNo)),
          stateKey: `staff:${key}`,
          loadingText: tc('state.loading'),
          footer: <span className="muted">{t('keyboardHint')}</span>,
          sort: order,
          onSort: (column) => setOrder(nextSort(order, column)),
        }}
      />

      {dialog?.kind === 'create' ? <StaffFormDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'group' ? (
        <AddStaffDialog
          serviceNo={dialog.staff.serviceNo}
          staffName={dialog.staff.name}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
