// The HQ dashboard (SPEC §8): state totals over each district's latest bundle against HQ's
// targets (editable), the district table (silent, gaps and forks flagged), the trend, and a
// district's latest summary and short units on click, and the printable state report (PDF).
// Figures come from hq.report.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DistrictRow } from '../../../electron/services/hq/report.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ListOutput, type ListSheet } from '../../components/ListOutput.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';
import { Link } from '../../router/hash-router.js';
import { useStateReportPdf } from './StateReportPdf.js';

type Targets = { citizens: number; compliantPercent: number; staffCoveredPercent: number; womenGroups: number };
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);

function Kpi({ label, value, detail, met }: { label: string; value: string; detail: string; met: boolean }) {
  return (
    <div className="card kpi">
      <span className="kpi__label">{label}</span>
      <span className={`kpi__value${met ? '' : ' kpi__value--warn'}`}>{value}</span>
      <span className="kpi__detail">{detail}</span>
    </div>
  );
}

function TargetsForm({ targets, onDone }: { targets: Targets; onDone: () => void }) {
  const { t } = useTranslation('hq');
  const toast = useToast();
  const [v, setV] = useState<Record<keyof Targets, string>>({
    citizens: String(targets.citizens),
    compliantPercent: String(targets.compliantPercent),
    staffCoveredPercent: String(targets.staffCoveredPercent),
    womenGroups: String(targets.womenGroups),
  });
  const [error, setError] = useState<ApiErrorData | null>(null);
  const fields: [keyof Targets, string, number][] = [
    ['citizens', t('app.dashboard.targetCitizens'), 100_000_000],
    ['compliantPercent', t('app.dashboard.targetCompliant'), 100],
    ['staffCoveredPercent', t('app.dashboard.targetStaff'), 100],
    ['womenGroups', t('app.dashboard.targetWomen'), 100_000],
  ];
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await call('hq.targets.set', {
        citizens: Number(v.citizens),
        compliantPercent: Number(v.compliantPercent),
        staffCoveredPercent: Number(v.staffCoveredPercent),
        womenGroups: Number(v.womenGroups),
      });
      toast({ message: t('app.dashboard.targetsSaved') });
      invalidate();
      onDone();
    } catch (err) {
      setError(toErrorData(err));
    }
  };
  return (
    <form className="card hq-targets" onSubmit={save} aria-label={t('app.dashboard.editTargets')}>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      <div className="hq-targets__fields">
        {fields.map(([k, label, max]) => (
          <label key={k} className="field">
            <span className="field__label">{label}</span>
            <input
              className="input"
              type="number"
              min={0}
              max={max}
              step={1}
              required
              value={v[k]}
              onChange={(e) => setV({ ...v, [k]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('app.dashboard.cancel')}
        </button>
        <button type="submit" className="btn btn--primary">
          {t('app.dashboard.saveTargets')}
        </button>
      </div>
    </form>
  );
}

function DistrictDetailPanel({ code, onClose }: { code: string; onClose: () => void }) {
  const { t } = useTranslation('hq');
  const f = useFormat();
  const q = useQuery(() => call('hq.district', { code }), [code]);
  const d = q.data;
  if (q.error) return <ErrorBanner error={q.error} onRetry={q.reload} />;
  if (!d) return null;
  const name = f.lang === 'hi' && d.nameHi ? d.nameHi : d.name;
  const s = d.latest?.summary;
  return (
    <section className="card hq-detail" aria-labelledby="hq-detail">
      <div className="card__title">
        <h2 id="hq-detail">{t('app.dashboard.detailTitle', { name })}</h2>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('app.dashboard.close')}
        </button>
      </div>
      {!d.latest || !s ? (
        <p className="muted">{t('app.dashboard.detailNone')}</p>
      ) : (
        <>
          <p className="muted">
            {t('app.dashboard.detailMeta', {
              seq: d.latest.sequence,
              date: f.date(d.latest.baggingDate),
              policy: d.latest.policyVersion,
              key: d.latest.keyId,
            })}
          </p>
          <div className="kpis">
            <Kpi
              label={t('app.dashboard.units')}
              value={f.percent(s.percentCompliant)}
              detail={`${f.number(s.compliant)} / ${f.number(s.units)}`}
              met={s.compliant === s.units}
            />
            <Kpi label={t('app.dashboard.members')} value={f.number(s.citizens)} detail="" met />
            <Kpi
              label={t('app.dashboard.staff')}
              value={f.percent(pct(s.staffCovered, s.staffTotal))}
              detail={t('app.dashboard.staffOf', { n: f.number(s.staffCovered), total: f.number(s.staffTotal) })}
              met={s.staffCovered === s.staffTotal}
            />
          </div>
          <h3>{t('app.dashboard.shortUnits')}</h3>
          <DataTable
            caption={t('app.dashboard.shortUnits')}
            rows={d.latest.shortUnits}
            rowKey={(u) => u.code}
            empty={<EmptyState compact title={t('app.dashboard.noShort')} />}
            columns={[
              {
                key: 'unit',
                header: t('app.dashboard.unit'),
                cell: (u) => `${f.lang === 'hi' && u.nameHi ? u.nameHi : u.name} (${u.code})`,
              },
              {
                key: 'status',
                header: t('app.dashboard.status'),
                cell: (u) => t(u.status === 'short' ? 'app.dashboard.short' : 'app.dashboard.missing'),
              },
              {
                key: 'members',
                header: t('app.dashboard.unitMembers'),
                align: 'end',
                cell: (u) => f.number(u.members),
                sortValue: (u) => u.members,
              },
              { key: 'required', header: t('app.dashboard.required'), align: 'end', cell: (u) => f.number(u.required) },
              {
                key: 'shortfall',
                header: t('app.dashboard.shortfall'),
                align: 'end',
                cell: (u) => f.number(u.shortfall),
                sortValue: (u) => u.shortfall,
              },
            ]}
          />
        </>
      )}
    </section>
  );
}

export function HqDashboardPage() {
  const { t } = useTranslation(['hq', 'common']);
  const f = useFormat();
  const [silentDays, setSilentDays] = useState(14);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery(() => call('hq.report', { silentDays }), [silentDays]);
  const r = q.data;
  const stateReport = useStateReportPdf(silentDays);

  if (q.error) return <ErrorBanner error={q.error} onRetry={q.reload} />;
  if (!r) return <p role="status">{t('common:state.loading')}</p>;

  const s = r.state;
  const header = <PageHeader title={t('app.dashboard.title')} subtitle={t('app.dashboard.subtitle')} />;
  if (s.districtsReporting === 0) {
    return (
      <>
        {header}
        <EmptyState
          title={t('app.dashboard.empty')}
          body={t('app.dashboard.emptyBody')}
          action={
            <div className="form-actions">
              <Link to="/hq/trust" className="btn">
                {t('app.dashboard.goTrust')}
              </Link>
              <Link to="/hq/import" className="btn btn--primary">
                {t('app.dashboard.goImport')}
              </Link>
            </div>
          }
        />
      </>
    );
  }

  const name = (d: DistrictRow) => (f.lang === 'hi' && d.nameHi ? d.nameHi : d.name);
  const columns: Column<DistrictRow>[] = [
    {
      key: 'district',
      header: t('app.dashboard.district'),
      sortValue: (d) => d.name,
      cell: (d) => (
        <button
          type="button"
          className="link-button"
          aria-label={t('app.dashboard.open', { name: name(d) })}
          onClick={() => setOpen(d.code)}
        >
          {name(d)} <span className="muted">({d.code})</span>
        </button>
      ),
    },
    {
      key: 'sequence',
      header: t('app.dashboard.sequence'),
      align: 'end',
      sortValue: (d) => d.latestSequence,
      cell: (d) => (d.latestSequence === null ? t('app.dashboard.never') : f.number(d.latestSequence)),
    },
    {
      key: 'bagged',
      header: t('app.dashboard.bagged'),
      sortValue: (d) => d.latestBaggingDate,
      cell: (d) => (d.latestBaggingDate ? f.date(d.latestBaggingDate) : ''),
    },
    {
      key: 'compliant',
      header: t('app.dashboard.compliant'),
      align: 'end',
      sortValue: (d) => d.percentCompliant,
      cell: (d) => f.percent(d.percentCompliant),
    },
    {
      key: 'citizens',
      header: t('app.dashboard.citizens'),
      align: 'end',
      sortValue: (d) => d.summary?.citizens ?? null,
      cell: (d) => f.number(d.summary?.citizens),
    },
    {
      key: 'silent',
      header: t('app.dashboard.silent'),
      align: 'end',
      sortValue: (d) => d.silentDays,
      cell: (d) => f.number(d.silentDays),
    },
    {
      key: 'flags',
      header: t('app.dashboard.flags'),
      cell: (d) => (
        <span className="hq-flags">
          {d.silent ? <span className="badge badge--short">{t('app.dashboard.silentFlag')}</span> : null}
          {d.gaps.length ? (
            <span className="badge badge--short">
              {t('app.dashboard.gapFlag', { list: d.gaps.map((g) => f.number(g)).join(', ') })}
            </span>
          ) : null}
          {d.forked ? <span className="badge badge--missing">{t('app.dashboard.forkFlag')}</span> : null}
          {d.oldPolicy && d.policyVersion !== null ? (
            <span className="badge">{t('app.dashboard.oldPolicy', { n: d.policyVersion })}</span>
          ) : null}
        </span>
      ),
    },
  ];

  const sheet = (): ListSheet => ({
    title: t('app.dashboard.table'),
    filters: t('app.dashboard.districtsReporting', {
      n: f.number(s.districtsReporting),
      total: f.number(s.districtsTrusted),
    }),
    columns: [
      { header: t('app.dashboard.district') },
      { header: t('app.dashboard.sequence'), kind: 'number' },
      { header: t('app.dashboard.bagged') },
      { header: t('app.dashboard.compliant'), kind: 'number' },
      { header: t('app.dashboard.citizens'), kind: 'number' },
      { header: t('app.dashboard.silent'), kind: 'number' },
      { header: t('app.dashboard.flags') },
    ],
    rows: [...r.districts]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((d) => [
        `${name(d)} (${d.code})`,
        d.latestSequence,
        d.latestBaggingDate ? f.date(d.latestBaggingDate) : '',
        d.percentCompliant,
        d.summary?.citizens ?? null,
        d.silentDays,
        [
          d.silent ? t('app.dashboard.silentFlag') : '',
          d.gaps.length ? t('app.dashboard.gapFlag', { list: d.gaps.join(', ') }) : '',
          d.forked ? t('app.dashboard.forkFlag') : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]),
  });

  return (
    <>
      <PageHeader
        title={t('app.dashboard.title')}
        subtitle={t('app.dashboard.districtsReporting', {
          n: f.number(s.districtsReporting),
          total: f.number(s.districtsTrusted),
        })}
        actions={
          <>
            {stateReport.button}
            <button type="button" className="btn" onClick={() => setEditing(!editing)} aria-expanded={editing}>
              {t('app.dashboard.editTargets')}
            </button>
          </>
        }
      />
      {stateReport.panel}
      {editing ? <TargetsForm targets={r.targets} onDone={() => setEditing(false)} /> : null}
      <div className="kpis">
        <Kpi
          label={t('app.dashboard.members')}
          value={f.number(s.citizens)}
          detail={t('app.dashboard.ofTarget', { target: f.number(r.targets.citizens) })}
          met={s.citizens >= r.targets.citizens}
        />
        <Kpi
          label={t('app.dashboard.thanas')}
          value={f.percent(pct(s.thanasCompliant, s.thanas))}
          detail={t('app.dashboard.thanasOf', { n: f.number(s.thanasCompliant), total: f.number(s.thanas) })}
          met={pct(s.thanasCompliant, s.thanas) >= r.targets.compliantPercent}
        />
        <Kpi
          label={t('app.dashboard.staff')}
          value={f.percent(pct(s.staffCovered, s.staffTotal))}
          detail={`${t('app.dashboard.staffOf', { n: f.number(s.staffCovered), total: f.number(s.staffTotal) })} · ${t('app.dashboard.ofTarget', { target: f.percent(r.targets.staffCoveredPercent) })}`}
          met={pct(s.staffCovered, s.staffTotal) >= r.targets.staffCoveredPercent}
        />
        <Kpi
          label={t('app.dashboard.women')}
          value={f.number(s.womenGroups)}
          detail={t('app.dashboard.ofTarget', { target: f.number(r.targets.womenGroups) })}
          met={s.womenGroups >= r.targets.womenGroups}
        />
      </div>
      {open ? <DistrictDetailPanel code={open} onClose={() => setOpen(null)} /> : null}
      <section className="card" aria-labelledby="hq-districts">
        <div className="card__title">
          <h2 id="hq-districts">{t('app.dashboard.table')}</h2>
          <ListOutput fileName="hq-districts" load={sheet} />
          <label className="field field--inline">
            <span className="field__label">{t('app.dashboard.silentDays')}</span>
            <input
              className="input input--narrow"
              type="number"
              min={1}
              max={3650}
              value={silentDays}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 3650) setSilentDays(n);
              }}
            />
          </label>
        </div>
        <DataTable
          caption={t('app.dashboard.table')}
          rows={r.districts}
          rowKey={(d) => d.code}
          columns={columns}
          empty={<EmptyState compact title={t('app.dashboard.empty')} />}
          rowClassName={(d) => (d.silent || d.forked || d.gaps.length ? 'row--warn' : undefined)}
          initialSort={{ key: 'district', dir: 'asc' }}
        />
      </section>
      <section className="card chart-card" aria-labelledby="hq-trend">
        <div className="card__title">
          <h2 id="hq-trend">{t('app.dashboard.trend')}</h2>
        </div>
        <div role="img" aria-label={t('app.dashboard.trendLabel')}>
          <ResponsiveContainer width="100%" height={240}>
            <LineChart data={r.trend} margin={{ top: 8, right: 24, bottom: 4, left: 4 }}>
              <CartesianGrid stroke="#e3e8ee" />
              <XAxis dataKey="date" tickFormatter={(d: string) => f.date(d)} />
              <YAxis yAxisId="c" tickFormatter={(v: number) => f.number(v)} />
              <YAxis yAxisId="u" orientation="right" tickFormatter={(v: number) => f.number(v)} />
              <Tooltip labelFormatter={(d) => f.date(String(d))} formatter={(v) => f.number(Number(v))} />
              <Legend />
              <Line
                yAxisId="c"
                type="monotone"
                dataKey="citizens"
                name={t('app.dashboard.trendCitizens')}
                stroke="#1f6feb"
                isAnimationActive={false}
              />
              <Line
                yAxisId="u"
                type="monotone"
                dataKey="compliant"
                name={t('app.dashboard.trendCompliant')}
                stroke="#2e7d32"
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </section>
    </>
  );
}
