// A staff member's page (`staff.get`): rank, posting, mobile, every group membership, and the
// actions edit / add to a group / mark as left.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pill } from '../../components/StatusBadge.js';
import { call } from '../../data/call.js';
import { useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';
import { Link, seg } from '../../router/hash-router.js';
import { AddStaffDialog } from '../members/AddStaffDialog.js';
import { formatPhone } from '../members/member-format.js';
import { MembershipsTable } from '../members/MembershipsTable.js';
import { postingName, rankName, StaffFormDialog } from './StaffFormDialog.js';
import '../members/members.css';

export function StaffDetailPage({ serviceNo }: { serviceNo: string }) {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const f = useFormat();
  const q = useQuery(() => call('staff.get', { serviceNo }), [serviceNo]);
  const [dialog, setDialog] = useState<'edit' | 'group' | null>(null);
  const back = { to: '/staff', label: t('detail.back') };

  if (q.error?.code === 'NOT_FOUND') {
    return (
      <div className="page">
        <PageHeader title={serviceNo} back={back} />
        <EmptyState title={t('detail.notFound')} />
      </div>
    );
  }
  if (!q.data) {
    return (
      <div className="page">
        <PageHeader title={serviceNo} back={back} />
        {q.error ? (
          <ErrorBanner error={q.error} onRetry={q.reload} />
        ) : (
          <p className="muted" role="status">
            {tc('state.loading')}
          </p>
        )}
      </div>
    );
  }

  const { staff, memberships } = q.data;
  return (
    <div className="page">
      <PageHeader
        title={staff.name}
        subtitle={
          <>
            {rankName(staff, f.lang)} · <span className="mono">{staff.serviceNo}</span>
          </>
        }
        back={back}
        actions={
          <>
            <button type="button" className="btn btn--primary" onClick={() => setDialog('group')}>
              {t('actions.addToGroup')}
            </button>
            <button type="button" className="btn" onClick={() => setDialog('edit')}>
              {t('actions.edit')}
            </button>
          </>
        }
      />
      {q.error ? <ErrorBanner error={q.error} onRetry={q.reload} /> : null}

      <div className="detail-grid">
        <section className="card" aria-labelledby="staff-details">
          <div className="card__title">
            <h2 id="staff-details">{t('detail.details')}</h2>
            {staff.activeGroups === 0 ? <Pill tone="bad">{t('detail.uncovered')}</Pill> : null}
          </div>
          <dl className="dl-grid">
            <dt>{t('columns.serviceNo')}</dt>
            <dd className="mono">{staff.serviceNo}</dd>
            <dt>{t('columns.rank')}</dt>
            <dd>{rankName(staff, f.lang)}</dd>
            <dt>{t('columns.gender')}</dt>
            <dd>{tc(`gender.${staff.gender}`)}</dd>
            <dt>{t('columns.unit')}</dt>
            <dd>
              <Link to={`/units/${seg(staff.unitCode)}`}>{postingName(staff, f.lang)}</Link>{' '}
              <span className="muted mono">{staff.unitCode}</span>
            </dd>
            <dt>{t('columns.phone')}</dt>
            <dd className="num">{staff.phone ? formatPhone(staff.phone) : tc('state.none')}</dd>
            <dt>{t('columns.groups')}</dt>
            <dd className="num">{f.number(staff.activeGroups)}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="staff-memberships">
          <div className="card__title">
            <h2 id="staff-memberships">{t('detail.memberships')}</h2>
          </div>
          <MembershipsTable
            rows={memberships}
            memberName={staff.name}
            caption={t('detail.memberships')}
            empty={
              <EmptyState
                compact
                title={t('detail.noMemberships')}
                action={
                  <button type="button" className="btn btn--primary" onClick={() => setDialog('group')}>
                    {t('actions.addToGroup')}
                  </button>
                }
              />
            }
          />
        </section>
      </div>

      {dialog === 'edit' ? <StaffFormDialog staff={staff} onClose={() => setDialog(null)} /> : null}
      {dialog === 'group' ? (
        <AddStaffDialog serviceNo={staff.serviceNo} staffName={staff.name} onClose={() => setDialog(null)} />
      ) : null}
    </div>
  );
}
