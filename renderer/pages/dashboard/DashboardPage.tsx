// The district's compliance at a glance, from `compliance.report`: headline figures, units by
// status, members per station against the threshold, staff coverage by rank, the rules, and
// the units that need attention (each a click away).
import { useTranslation } from 'react-i18next';
import type { ComplianceReport } from '../../../electron/services/compliance/types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ListOutput } from '../../components/ListOutput.js';
import { dashboardLinks } from '../../lists/dashboard-links.js';
import { dashboardSheet } from '../../lists/dashboard-sheet.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { call } from '../../data/call.js';
import { useQuery } from '../../data/use-query.js';
import { localName } from '../../format/names.js';
import { share } from '../../format/numbers.js';
import { useFormat } from '../../format/use-format.js';
import { Link, seg } from '../../router/hash-router.js';
import { MembersChart } from './MembersChart.js';
import { RulesCard } from './RulesCard.js';
import { RuleBreakersCard } from './RuleBreakersCard.js';
import { StaffChart } from './StaffChart.js';
import { unitsByTypeAndStatus, unitsNeedingAttention, womenGroupStatus } from './dashboard-data.js';

const ATTENTION_ROWS = 8;

function Kpi({
  label,
  value,
  detail,
  tone,
  to,
}: {
  label: string;
  value: string;
  detail?: React.ReactNode;
  tone?: 'good' | 'warn' | 'bad';
  /** `count`: how many rows the list it opens holds (stated on the tile; checked by the tests). */
  to?: { path: string; query?: Record<string, string | number>; count?: number };
}) {
  const body = (
    <>
      <span className="kpi__label">{label}</span>
      <span className={`kpi__value${tone ? ` kpi__value--${tone}` : ''}`}>{value}</span>
      {detail ? <span className="kpi__detail">{detail}</span> : null}
    </>
  );
  return to ? (
    <Link to={to.path} query={to.query} className="card kpi kpi--link" data-count={to.count}>
      {body}
    </Link>
  ) : (
    <div className="card kpi">{body}</div>
  );
}

function Figures({ report }: { report: ComplianceReport }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const { t: tl } = useTranslation('lists');
  const f = useFormat();
  const s = report.summary;
  const links = dashboardLinks(s);
  const women = womenGroupStatus(report);
  const staffPct = share(s.staffCovered, s.staffTotal);
  return (
    <div className="kpis">
      <Kpi
        label={t('kpi.compliant')}
        value={f.percent(s.percentCompliant)}
        detail={t('kpi.compliantOf', { n: f.number(s.compliant), total: f.number(s.units) })}
        tone={s.percentCompliant >= 100 ? 'good' : s.percentCompliant >= 75 ? 'warn' : 'bad'}
        to={links.units}
      />
      <Kpi
        label={t('kpi.short')}
        value={f.number(s.short)}
        tone={s.short > 0 ? 'warn' : 'good'}
        detail={t('kpi.seeUnits')}
        to={links.short}
      />
      <Kpi
        label={t('kpi.missing')}
        value={f.number(s.missing)}
        tone={s.missing > 0 ? 'bad' : 'good'}
        detail={t('kpi.seeUnits')}
        to={links.missing}
      />
      <Kpi
        label={tl('figures.citizens')}
        value={f.number(s.citizens)}
        detail={tl('figures.memberships', { n: f.number(s.memberships) })}
        to={links.memberships}
      />
      <Kpi
        label={t('kpi.staff')}
        value={f.percent(staffPct)}
        tone={staffPct >= 100 ? 'good' : staffPct >= 90 ? 'warn' : 'bad'}
        detail={
          <>
            {s.staffTotal > s.staffCovered
              ? t('kpi.seeUncovered', { n: f.number(s.staffTotal - s.staffCovered) })
              : t('kpi.staffOf', { n: f.number(s.staffCovered), total: f.number(s.staffTotal) })}
            {s.womenStaffTotal > 0 ? (
              <span className="kpi__sub">
                {t('kpi.womenCovered', { n: f.number(s.womenStaffCovered), total: f.number(s.womenStaffTotal) })}
              </span>
            ) : null}
          </>
        }
        to={links.uncovered}
      />
      <Kpi
        label={t('kpi.women')}
        value={women.hasGroup ? f.percent(share(women.inGroup, women.total), 0) : '—'}
        tone={women.passed ? 'good' : 'bad'}
        detail={
          women.hasGroup
            ? t('kpi.staffOf', { n: f.number(women.inGroup), total: f.number(women.total) })
            : t('kpi.womenNoGroup')
        }
      />
    </div>
  );
}

function ByStatus({ report }: { report: ComplianceReport }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const f = useFormat();
  const rows = unitsByTypeAndStatus(report.units);
  const statuses = ['compliant', 'short', 'missing'] as const;
  return (
    <section className="card" aria-labelledby="by-status">
      <div className="card__title">
        <h2 id="by-status">{t('byStatus.title')}</h2>
      </div>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('byStatus.type')}</th>
            {statuses.map((s) => (
              <th key={s} scope="col" className={`align-end status-head status-head--${s}`}>
                {t(`common:status.${s}`)}
              </th>
            ))}
            <th scope="col" className="align-end">
              {t('byStatus.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ type, counts }) => (
            <tr key={type}>
              <th scope="row">{t(`common:unitTypePlural.${type}`)}</th>
              {statuses.map((s) => (
                <td key={s} className="align-end">
                  {counts[s] > 0 ? (
                    <Link to="/units" query={{ type, status: s }}>
                      {f.number(counts[s])}
                    </Link>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
              ))}
              <td className="align-end">
                <Link to="/units" query={{ type }}>
                  {f.number(counts.total)}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Attention({ report }: { report: ComplianceReport }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const f = useFormat();
  const units = unitsNeedingAttention(report.units);
  return (
    <section className="card" aria-labelledby="attention">
      <div className="card__title">
        <h2 id="attention">{t('attention.title')}</h2>
        {units.length > ATTENTION_ROWS ? (
          <Link to="/units" query={{ status: 'failing' }}>
            {t('attention.more', { n: f.number(units.length) })}
          </Link>
        ) : null}
      </div>
      {units.length === 0 ? (
        <EmptyState compact title={t('attention.empty')} />
      ) : (
        <ul className="attention">
          {units.slice(0, ATTENTION_ROWS).map((u) => (
            <li key={u.code}>
              <Link to={`/units/${seg(u.code)}`} className="attention__item">
                <span className="attention__name">
                  {localName(u, f.lang)}
                  <span className="muted small"> · {t(`common:unitType.${u.type}`)}</span>
                </span>
                <span className="attention__figure">
                  {u.status === 'missing'
                    ? t('attention.noGroup')
                    : `${f.number(u.members)} / ${f.number(u.required)} · ${t('attention.shortBy', { n: f.number(u.shortfall) })}`}
                </span>
                <StatusBadge status={u.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DashboardPage(_: { query?: URLSearchParams }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const { t: tl } = useTranslation(['lists', 'dashboard', 'common']);
  const f = useFormat();
  const report = useQuery(() => call('compliance.report', {}), []);
  const r = report.data;

  return (
    <div className="page page--dashboard">
      <PageHeader
        title={t('title')}
        subtitle={r ? t('generatedAt', { when: f.dateTime(r.generatedAt), version: r.policyVersion }) : undefined}
        actions={
          <>
            {r ? <ListOutput fileName="dashboard" load={() => dashboardSheet(r, tl, f.lang, f.number)} /> : null}
            <button type="button" className="btn btn--ghost" onClick={report.reload} disabled={report.loading}>
              ↻ {t('common:actions.refresh')}
            </button>
          </>
        }
      />
      {report.error ? <ErrorBanner error={report.error} onRetry={report.reload} /> : null}
      {!r ? (
        report.error ? null : (
          <p className="muted" role="status">
            {t('common:state.loading')}
          </p>
        )
      ) : r.units.length === 0 && r.summary.staffTotal === 0 ? (
        <EmptyState
          title={t('empty.title')}
          body={t('empty.body')}
          action={
            <>
              <Link to="/units" className="btn btn--primary">
                {t('empty.addUnits')}
              </Link>
              <Link to="/import" className="btn">
                {t('empty.import')}
              </Link>
            </>
          }
        />
      ) : (
        <>
          <Figures report={r} />
          <div className="dash-grid">
            <div className="dash-col">
              <MembersChart units={r.units} />
              <StaffChart rows={r.staffByRankGender} />
            </div>
            <div className="dash-col">
              <ByStatus report={r} />
              <Attention report={r} />
              <RulesCard report={r} />
              <RuleBreakersCard />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
