// One member's memberships (active and left), on the person page and a staff member's page,
// with "mark as left" on the active ones.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Link, seg } from '../../router/hash-router.js';
import { useFormat } from '../../format/use-format.js';
import { LeaveDialog, type LeavingMember } from './LeaveDialog.js';
import type { MemberRow } from './MembersPage.js';

interface MembershipsTableProps {
  rows: readonly MemberRow[];
  /** The member's name as the confirmation should say it. */
  memberName: string;
  empty: ReactNode;
  caption: string;
}

export function MembershipsTable({ rows, memberName, empty, caption }: MembershipsTableProps) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const f = useFormat();
  const [leaving, setLeaving] = useState<LeavingMember | null>(null);

  const columns: Column<MemberRow>[] = [
    {
      key: 'group',
      header: t('columns.group'),
      sortValue: (r) => r.groupName,
      cell: (r) => (
        <>
          <span className="membership-group">{r.groupName}</span>
          <span className="membership-code muted mono">{r.groupCode}</span>
        </>
      ),
    },
    {
      key: 'kind',
      header: t('columns.kind'),
      cell: (r) => tc(`groupKind.${r.groupKind}`),
    },
    {
      key: 'unit',
      header: t('columns.unit'),
      sortValue: (r) => r.unitCode,
      cell: (r) => (
        <Link to={`/units/${seg(r.unitCode)}`} className="mono nowrap">
          {r.unitCode}
        </Link>
      ),
    },
    {
      key: 'joined',
      header: t('columns.joined'),
      sortValue: (r) => r.joinedOn,
      cell: (r) => <span className="num nowrap">{f.date(r.joinedOn)}</span>,
    },
    {
      key: 'left',
      header: t('columns.left'),
      sortValue: (r) => r.leftOn ?? '9999',
      cell: (r) =>
        r.leftOn ? (
          <span className="num nowrap">{f.date(r.leftOn)}</span>
        ) : (
          <span className="pill pill--good">{t('stillActive')}</span>
        ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('columns.actions')}</span>,
      align: 'end',
      cell: (r) =>
        r.leftOn ? null : (
          <button
            type="button"
            className="btn btn--small nowrap"
            aria-label={t('actions.markLeftOf', { name: `${memberName} — ${r.groupName}` })}
            onClick={() =>
              setLeaving({
                membershipId: r.membershipId,
                name: memberName,
                groupName: r.groupName,
                joinedOn: r.joinedOn,
              })
            }
          >
            {t('actions.markLeftShort')}
          </button>
        ),
    },
  ];

  return (
    <>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.membershipId}
        caption={caption}
        empty={empty}
        rowClassName={(r) => (r.leftOn ? 'row--closed' : undefined)}
        initialSort={{ key: 'left', dir: 'desc' }}
        sortMemory="person-memberships"
      />
      {leaving ? <LeaveDialog member={leaving} onClose={() => setLeaving(null)} /> : null}
    </>
  );
}
