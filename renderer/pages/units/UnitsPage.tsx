// Units & groups: every unit of the district with its groups and compliance, filterable by
// type, status and text (filters live in the address, so Back and reload keep them).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, sortTableRows, type Column } from '../../components/DataTable.js';
import { useRememberedSort } from '../../lists/table-sort.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ListOutput } from '../../components/ListOutput.js';
import { unitsSheet } from '../../lists/sheets.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { localName } from '../../format/names.js';
import { useFormat } from '../../format/use-format.js';
import { Link, navigate, seg, setQuery } from '../../router/hash-router.js';
import { UnitFormDialog } from './UnitForm.js';
import { CaseDuplicatesNotice } from './edits/CaseDuplicatesNotice.js';
import { UNIT_TYPES, type UnitType } from '../../../electron/contract/domain.js';
import { filterUnits, joinCompliance, statusRank, type StatusFilter, type UnitWithCompliance } from './units-data.js';

const unitKey = (u: { code: string }) => u.code;

const STATUS_FILTERS: readonly StatusFilter[] = ['', 'compliant', 'short', 'missing', 'failing'];

function readFilters(query: URLSearchParams) {
  const type = query.get('type') ?? '';
  const status = query.get('status') ?? '';
  return {
    type: (UNIT_TYPES as readonly string[]).includes(type) ? (type as UnitType) : '',
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : '',
    search: query.get('q') ?? '',
  } as const;
}

export function UnitsPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation(['units', 'common']);
  const { t: tl } = useTranslation(['lists', 'common']);
  const f = useFormat();
  const toast = useToast();
  const filters = readFilters(query);
  const [creating, setCreating] = useState(false);

  const units = useQuery(() => call('units.list', {}), []);
  const report = useQuery(() => call('compliance.report', {}), []);

  const all = joinCompliance(units.data ?? [], report.data?.units);
  const rows = filterUnits(all, filters);
  const thanas = all.filter((u) => u.type === 'thana');
  const filtered = Boolean(filters.type || filters.status || filters.search);

  const columns: Column<UnitWithCompliance>[] = [
    {
      key: 'code',
      header: t('col.code'),
      cell: (u) => (
        <Link to={`/units/${seg(u.code)}`} className="mono">
          {u.code}
        </Link>
      ),
      sortValue: (u) => u.code,
    },
    {
      key: 'name',
      header: t('col.name'),
      cell: (u) => localName(u, f.lang),
      sortValue: (u) => localName(u, f.lang),
    },
    {
      key: 'type',
      header: t('col.type'),
      cell: (u) => (
        <span className="nowrap">
          {t(`common:unitType.${u.type}`)}
          {u.division ? <span className="muted"> · {u.division}</span> : null}
        </span>
      ),
      sortValue: (u) => UNIT_TYPES.indexOf(u.type),
    },
    {
      key: 'parent',
      header: t('col.parent'),
      cell: (u) => (u.parentCode ? <span className="mono">{u.parentCode}</span> : <span className="muted">—</span>),
      sortValue: (u) => u.parentCode,
    },
    {
      key: 'groups',
      header: t('col.groups'),
      align: 'end',
      cell: (u) => (
        <span className="nowrap">
          {f.number(u.activeGroups)}
          {u.closedGroups > 0 ? <span className="muted"> (+{f.number(u.closedGroups)})</span> : null}
        </span>
      ),
      sortValue: (u) => u.activeGroups,
    },
    {
      key: 'members',
      header: t('col.members'),
      align: 'end',
      cell: (u) => f.number(u.compliance?.members ?? null),
      sortValue: (u) => u.compliance?.members ?? null,
    },
    {
      key: 'required',
      header: t('col.required'),
      align: 'end',
      cell: (u) =>
        u.compliance?.required == null ? <span className="muted">—</span> : f.number(u.compliance.required),
      sortValue: (u) => u.compliance?.required ?? null,
    },
    {
      key: 'shortfall',
      header: t('col.shortfall'),
      align: 'end',
      cell: (u) =>
        u.compliance && u.compliance.shortfall > 0 ? (
          <strong className="text-bad">{f.number(u.compliance.shortfall)}</strong>
        ) : (
          <span className="muted">0</span>
        ),
      sortValue: (u) => u.compliance?.shortfall ?? null,
    },
    {
      key: 'status',
      header: t('col.status'),
      cell: (u) => (u.compliance ? <StatusBadge status={u.compliance.status} /> : <span className="muted">…</span>),
      sortValue: (u) => statusRank(u.compliance?.status),
    },
  ];

  const [sort, setSort] = useRememberedSort(
    'units',
    columns.filter((c) => c.sortValue).map((c) => c.key),
    { key: 'code', dir: 'asc' },
  );
  const error = units.error ?? report.error;

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <ListOutput
              fileName={`units${filters.status ? `-${filters.status}` : ''}${filters.type ? `-${filters.type}` : ''}`}
              load={() => {
                const words = [
                  filters.type ? t(`common:unitTypePlural.${filters.type}`) : '',
                  filters.status === 'failing'
                    ? t('filters.failing')
                    : filters.status
                      ? t(`common:status.${filters.status}`)
                      : '',
                  filters.search ? `"${filters.search}"` : '',
                ].filter(Boolean);
                const title = [t('title'), ...words.slice(0, 2)].join(' — ');
                // In the order on screen (the remembered sort; ties by code).
                return unitsSheet(sortTableRows(rows, columns, sort, unitKey), tl, f.lang, title, words.join(', '));
              }}
            />
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              + {t('addUnit')}
            </button>
          </>
        }
      />
      {error ? (
        <ErrorBanner
          error={error}
          onRetry={() => {
            units.reload();
            report.reload();
          }}
        />
      ) : null}
      <CaseDuplicatesNotice />

      <div className="toolbar" role="search" aria-label={t('filters.label')}>
        <label className="field">
          <span className="field__label">{t('filters.type')}</span>
          <select className="input select" value={filters.type} onChange={(e) => setQuery({ type: e.target.value })}>
            <option value="">{t('common:state.all')}</option>
            {UNIT_TYPES.map((u) => (
              <option key={u} value={u}>
                {t(`common:unitTypePlural.${u}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span className="field__label" id="units-status-filter">
            {t('filters.status')}
          </span>
          <div className="segmented" role="group" aria-labelledby="units-status-filter">
            {STATUS_FILTERS.map((s) => (
              <button
                key={s || 'all'}
                type="button"
                className="segmented__option"
                aria-pressed={filters.status === s}
                onClick={() => setQuery({ status: s })}
              >
                {s === '' ? t('common:state.all') : s === 'failing' ? t('filters.failing') : t(`common:status.${s}`)}
              </button>
            ))}
          </div>
        </div>
        <label className="field">
          <span className="field__label">{t('filters.search')}</span>
          <input
            className="input search-input"
            type="search"
            value={filters.search}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(e) => setQuery({ q: e.target.value })}
            data-page-search
            aria-keyshortcuts="/"
          />
        </label>
        {filtered ? (
          <button type="button" className="btn btn--ghost" onClick={() => setQuery({ type: '', status: '', q: '' })}>
            {t('common:actions.clearFilters')}
          </button>
        ) : null}
      </div>

      {units.data === undefined && !units.error ? (
        <p className="muted" role="status">
          {t('common:state.loading')}
        </p>
      ) : units.data !== undefined ? (
        <DataTable
          caption={t('title')}
          columns={columns}
          rows={rows}
          rowKey={unitKey}
          sort={sort}
          onSortChange={setSort}
          rowClassName={(u) => (u.compliance?.status ? `row--${u.compliance.status}` : undefined)}
          showCount
          empty={
            filtered ? (
              <EmptyState
                title={t('empty.noMatch')}
                action={
                  <button type="button" className="btn" onClick={() => setQuery({ type: '', status: '', q: '' })}>
                    {t('common:actions.clearFilters')}
                  </button>
                }
              />
            ) : (
              <EmptyState
                title={t('empty.noUnits')}
                body={t('empty.noUnitsBody')}
                action={
                  <>
                    <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                      + {t('addUnit')}
                    </button>
                    <Link to="/import" className="btn">
                      {t('empty.importLink')}
                    </Link>
                  </>
                }
              />
            )
          }
        />
      ) : null}

      {creating ? (
        <UnitFormDialog
          mode="create"
          thanas={thanas}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const u = await call('units.create', input);
            setCreating(false);
            toast({ message: t('createdUnit', { name: localName(u, f.lang) }) });
            invalidate();
            navigate(`/units/${seg(u.code)}`);
          }}
        />
      ) : null}
    </div>
  );
}
