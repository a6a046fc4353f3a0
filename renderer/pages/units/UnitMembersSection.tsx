// A unit's page: the members of its groups in one sortable list (issue #11), with "Add citizen
// to this group" for each active group, and print/export of exactly these rows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, sortTableRows, type Column } from '../../components/DataTable.js';
import { useRememberedSort } from '../../lists/table-sort.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ListOutput } from '../../components/ListOutput.js';
import { useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';
import { loadMembers, membersSheet, type MemberRow } from '../../lists/sheets.js';
import { Link } from '../../router/hash-router.js';
import { AddCitizenDialog } from '../members/AddCitizenDialog.js';
import { memberHref } from '../members/MembersPage.js';
import { formatPhone, isErasedName } from '../members/member-format.js';

const membershipKey = (r: MemberRow) => r.membershipId;

interface UnitMembersSectionProps {
  unit: { code: string; name: string; nameHi?: string | null };
  groups: readonly { code: string; name: string; status: string }[];
}

export function UnitMembersSection({ unit, groups }: UnitMembersSectionProps) {
  const { t } = useTranslation('lists');
  const { t: tl } = useTranslation(['lists', 'common']);
  const { t: tc } = useTranslation();
  const f = useFormat();
  const [adding, setAdding] = useState<string | null>(null);
  const codes = groups.map((g) => g.code).join(',');
  const members = useQuery(async () => {
    const out: MemberRow[] = [];
    for (const g of groups) out.push(...(await loadMembers({ groupCode: g.code, state: 'active' })));
    return out;
  }, [codes]);
  const rows = members.data ?? [];
  const unitName = f.lang === 'hi' && unit.nameHi ? unit.nameHi : unit.name;

  const columns: Column<MemberRow>[] = [
    {
      key: 'name',
      header: t('col.name'),
      cell: (r) => <Link to={memberHref(r)}>{isErasedName(r.name) ? '—' : r.name}</Link>,
      sortValue: (r) => r.name,
    },
    {
      key: 'phone',
      header: t('col.phone'),
      cell: (r) => <span className="num nowrap">{formatPhone(r.phone)}</span>,
      sortValue: (r) => r.phone,
    },
    {
      key: 'category',
      header: t('col.category'),
      cell: (r) => tc(`category.${r.category}`),
      sortValue: (r) => r.category,
    },
    { key: 'group', header: t('col.group'), cell: (r) => r.groupName, sortValue: (r) => r.groupName },
    {
      key: 'joined',
      header: t('col.joinedOn'),
      cell: (r) => <span className="num">{f.date(r.joinedOn)}</span>,
      sortValue: (r) => r.joinedOn,
    },
  ];
  const active = groups.filter((g) => g.status === 'active');
  const [sort, setSort] = useRememberedSort(
    'unit-members',
    columns.filter((c) => c.sortValue).map((c) => c.key),
    { key: 'name', dir: 'asc' },
  );

  return (
    <section className="section" aria-labelledby="unit-members">
      <div className="unit-members__head">
        <h2 id="unit-members" className="section__title">
          {t('unitMembers.title')}{' '}
          {members.data ? (
            <span className="muted">({t('rows', { count: rows.length, formatted: f.number(rows.length) })})</span>
          ) : null}
        </h2>
        <div className="unit-members__actions">
          {active.map((g) => (
            <button
              key={g.code}
              type="button"
              className="btn btn--small btn--primary"
              onClick={() => setAdding(g.code)}
            >
              + {active.length > 1 ? t('unitMembers.addTo', { group: g.name }) : t('unitMembers.add')}
            </button>
          ))}
          {rows.length > 0 ? (
            <ListOutput
              fileName={`unit-${unit.code}-members`}
              load={() =>
                membersSheet(
                  sortTableRows(rows, columns, sort, membershipKey),
                  tl,
                  t('unitMembers.listTitle', { unit: `${unitName} (${unit.code})` }),
                  '',
                )
              }
            />
          ) : null}
        </div>
      </div>
      {members.error ? <ErrorBanner error={members.error} onRetry={members.reload} /> : null}
      {members.data === undefined && !members.error ? (
        <p className="muted" role="status">
          {tc('state.loading')}
        </p>
      ) : (
        <DataTable
          caption={t('unitMembers.title')}
          columns={columns}
          rows={rows}
          rowKey={membershipKey}
          sort={sort}
          onSortChange={setSort}
          showCount
          empty={<EmptyState compact title={t('unitMembers.empty')} />}
        />
      )}
      {adding ? <AddCitizenDialog groupCode={adding} onClose={() => setAdding(null)} /> : null}
    </section>
  );
}
