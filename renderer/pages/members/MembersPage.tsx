// Members: every membership in the district (citizens and staff), 2,60,000 rows at state size,
// in a virtualised table paged from `members.search`. Filters live in the address
// (`#/members?q=…&group=…&category=…&state=…`) so Back from a person page returns to the same
// list at the same place. The order (a column and a direction, issue #11) is remembered for the
// session, so the list reads the same on every visit; print/export use the same order.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ListOutput } from '../../components/ListOutput.js';
import { loadMembers, MAX_OUTPUT_ROWS, membersSheet } from '../../lists/sheets.js';
import { PageHeader } from '../../components/PageHeader.js';
import { call, type Args, type Res } from '../../data/call.js';
import { useFormat } from '../../format/use-format.js';
import { Link, navigate, seg, setQuery } from '../../router/hash-router.js';
import { AddCitizenDialog } from './AddCitizenDialog.js';
import { AddStaffDialog } from './AddStaffDialog.js';
import { groupLabel, useGroups } from './group-options.js';
import { LeaveDialog, type LeavingMember } from './LeaveDialog.js';
import { formatPhone, isErasedName } from './member-format.js';
import {
  ClearFiltersButton,
  FilterSelect,
  PagedListBody,
  SearchField,
  TotalSubtitle,
  useSearchText,
} from './PagedListBody.js';
import { usePagedRows } from './use-paged-rows.js';
import type { VColumn } from './VirtualTable.js';
import { nextSort, useRememberedSort } from '../../lists/table-sort.js';
import { DEFAULT_MEMBER_SORT, MEMBER_SORT_COLUMNS } from '../../../electron/contract/sorting.js';
import './members.css';

export type MemberRow = Res<'members.search'>['rows'][number];

type Category = NonNullable<Args<'members.search'>['category']>;
type State = NonNullable<Args<'members.search'>['state']>;

export const MEMBERS_PAGE_SIZE = 100;

function asCategory(v: string | null): Category | undefined {
  return v === 'eminent' || v === 'public' || v === 'staff' ? v : undefined;
}
function asState(v: string | null): State {
  return v === 'left' || v === 'all' ? v : 'active';
}

/** Where a row leads: a citizen's person page or a staff member's page. */
export function memberHref(row: Pick<MemberRow, 'memberType' | 'memberId' | 'serviceNo'>): string {
  return row.memberType === 'staff' && row.serviceNo
    ? `/staff/${seg(row.serviceNo)}`
    : `/members/person/${seg(row.memberId)}`;
}

export function MembersPage({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const { t: tl } = useTranslation(['lists', 'common']);
  const f = useFormat();
  const groups = useGroups();

  const q = query.get('q') ?? '';
  const group = query.get('group') ?? '';
  const category = asCategory(query.get('category'));
  const state = asState(query.get('state'));
  const activeGroupsOnly = query.get('groups') === 'active';

  const [text, setText] = useSearchText(q);
  const [order, setOrder] = useRememberedSort('members', MEMBER_SORT_COLUMNS, {
    key: DEFAULT_MEMBER_SORT.column,
    dir: DEFAULT_MEMBER_SORT.dir,
  });
  const sort = useMemo(() => ({ column: order.key, dir: order.dir }), [order]);

  const filters = useMemo(
    () => ({
      query: q.trim() || undefined,
      groupCode: group || undefined,
      groupStatus: activeGroupsOnly ? ('active' as const) : undefined,
      category,
      state,
    }),
    [q, group, activeGroupsOnly, category, state],
  );
  const key = JSON.stringify({ ...filters, sort });
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('members.search', { ...filters, sort, offset, limit }),
    [filters, sort],
  );
  const paged = usePagedRows<MemberRow>(key, fetchPage, MEMBERS_PAGE_SIZE);

  const [dialog, setDialog] = useState<
    { kind: 'citizen' } | { kind: 'staff' } | { kind: 'leave'; member: LeavingMember } | null
  >(null);

  const filtered = Boolean(
    filters.query || filters.groupCode || filters.groupStatus || filters.category || state !== 'active',
  );

  const leaveOf = useCallback(
    (row: MemberRow) => {
      if (row.leftOn) return;
      setDialog({
        kind: 'leave',
        member: {
          membershipId: row.membershipId,
          name: isErasedName(row.name) ? t('person.citizen') : row.name,
          groupName: row.groupName,
          joinedOn: row.joinedOn,
        },
      });
    },
    [t],
  );

  const columns = useMemo<VColumn<MemberRow>[]>(
    () => [
      {
        key: 'name',
        sortKey: 'name',
        header: t('columns.name'),
        width: 'minmax(9rem, 2fr)',
        title: (r) => r.name,
        cell: (r) => (
          <Link to={memberHref(r)} tabIndex={-1} className={isErasedName(r.name) ? 'member-erased' : undefined}>
            {isErasedName(r.name) ? t('erasedName') : r.name}
          </Link>
        ),
      },
      {
        key: 'phone',
        header: t('columns.phone'),
        width: '8.8rem',
        cell: (r) => <span className="num nowrap">{formatPhone(r.phone)}</span>,
      },
      {
        key: 'locality',
        header: t('columns.locality'),
        width: 'minmax(6rem, 1.2fr)',
        title: (r) => r.locality ?? undefined,
        cell: (r) => r.locality ?? '',
      },
      {
        key: 'category',
        header: t('columns.category'),
        width: '7.5rem',
        cell: (r) => <span className={`member-cat member-cat--${r.category}`}>{tc(`category.${r.category}`)}</span>,
      },
      {
        key: 'group',
        sortKey: 'group',
        header: t('columns.group'),
        width: 'minmax(8rem, 1.6fr)',
        title: (r) => `${r.groupName} (${r.groupCode}) · ${r.unitCode}`,
        cell: (r) => r.groupName,
      },
      {
        key: 'joined',
        sortKey: 'joined',
        header: t('columns.joined'),
        width: '6.4rem',
        cell: (r) => <span className="num">{f.date(r.joinedOn)}</span>,
      },
      {
        key: 'left',
        header: t('columns.left'),
        width: '6.4rem',
        cell: (r) =>
          r.leftOn ? (
            <span className="num">{f.date(r.leftOn)}</span>
          ) : (
            <span className="pill pill--good">{t('stillActive')}</span>
          ),
      },
      {
        key: 'actions',
        header: <span className="visually-hidden">{t('columns.actions')}</span>,
        width: '6.6rem',
        align: 'end',
        cell: (r) =>
          r.leftOn ? null : (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              tabIndex={-1}
              aria-label={t('actions.markLeftOf', { name: r.name })}
              onClick={() => leaveOf(r)}
            >
              {t('actions.markLeftShort')}
            </button>
          ),
      },
    ],
    [t, tc, f, leaveOf],
  );

  const groupChoices = (groups.data ?? [])
    .slice()
    .sort((a, b) => a.name.localeCompare(b.name, 'en-IN', { numeric: true }));

  const total = paged.total;
  const clearFilters = () => {
    setText('');
    setQuery({ q: null, group: null, groups: null, category: null, state: null });
  };

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
              fileName={group ? `members-${group}` : 'members'}
              tooMany={total != null && total > MAX_OUTPUT_ROWS ? total : null}
              load={async () => {
                const g = (groups.data ?? []).find((x) => x.code === group);
                const words = [
                  g ? `${t('filters.group')}: ${groupLabel(g)}` : '',
                  category ? tc(`category.${category}`) : '',
                  state !== 'active' ? t(`filters.${state}`) : '',
                  activeGroupsOnly ? tl('activeGroupsOnly') : '',
                  filters.query ? `"${filters.query}"` : '',
                ].filter(Boolean);
                const title = g ? tl('list.groupMembers', { group: `${g.name} (${g.code})` }) : tl('list.members');
                return membersSheet(await loadMembers({ ...filters, sort }), tl, title, words.join(', '));
              }}
            />
            <button type="button" className="btn btn--primary" onClick={() => setDialog({ kind: 'citizen' })}>
              {t('actions.addCitizen')}
            </button>
            <button type="button" className="btn" onClick={() => setDialog({ kind: 'staff' })}>
              {t('actions.addStaff')}
            </button>
          </>
        }
      />

      <div className="toolbar" role="search" aria-label={t('filters.label')}>
        <SearchField
          id="members-search"
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          text={text}
          onText={setText}
        />
        <FilterSelect
          id="members-group"
          label={t('filters.group')}
          param="group"
          value={group}
          allLabel={t('filters.allGroups')}
          options={groupChoices.map((g) => ({ value: g.code, label: groupLabel(g, f.lang) }))}
          wide
        />
        <FilterSelect
          id="members-category"
          label={t('filters.category')}
          param="category"
          value={category ?? ''}
          allLabel={t('filters.allCategories')}
          options={(['eminent', 'public', 'staff'] as const).map((c) => ({ value: c, label: tc(`category.${c}`) }))}
        />
        <div className="field">
          <span className="field__label" id="members-state-label">
            {t('filters.state')}
          </span>
          <div className="segmented" role="group" aria-labelledby="members-state-label">
            {(['active', 'left', 'all'] as const).map((s) => (
              <button
                key={s}
                type="button"
                className="segmented__option"
                aria-pressed={state === s}
                onClick={() => setQuery({ state: s === 'active' ? null : s })}
              >
                {t(`filters.${s}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="field">
          <span className="field__label" aria-hidden="true">
            &nbsp;
          </span>
          <label className="check-field" title={tl('activeGroupsOnlyHint')}>
            <input
              type="checkbox"
              checked={activeGroupsOnly}
              onChange={(e) => setQuery({ groups: e.target.checked ? 'active' : null })}
            />
            {tl('activeGroupsOnly')}
          </label>
        </div>
        <ClearFiltersButton shown={filtered} onClear={clearFilters} />
      </div>

      {groups.error ? <ErrorBanner error={groups.error} onRetry={groups.reload} /> : null}
      <PagedListBody
        paged={paged}
        emptyFiltered={filtered ? { title: t('empty.filteredTitle'), body: t('empty.filteredBody') } : null}
        onClearFilters={clearFilters}
        empty={{
          title: t('empty.title'),
          body: t('empty.body'),
          addLabel: t('actions.addCitizen'),
          onAdd: () => setDialog({ kind: 'citizen' }),
          importLabel: t('empty.import'),
        }}
        table={{
          label: t('title'),
          columns,
          onOpen: (r) => navigate(memberHref(r)),
          onDelete: leaveOf,
          rowClassName: (r) => (r.leftOn ? 'vtable__row--muted' : undefined),
          stateKey: `members:${key}`,
          loadingText: t('loadingRow'),
          footer: <span className="muted">{t('keyboardHint')}</span>,
          sort: order,
          onSort: (column) => setOrder(nextSort(order, column)),
        }}
      />

      {dialog?.kind === 'citizen' ? (
        <AddCitizenDialog onClose={() => setDialog(null)} groupCode={group || undefined} />
      ) : null}
      {dialog?.kind === 'staff' ? (
        <AddStaffDialog onClose={() => setDialog(null)} groupCode={group || undefined} />
      ) : null}
      {dialog?.kind === 'leave' ? <LeaveDialog member={dialog.member} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
