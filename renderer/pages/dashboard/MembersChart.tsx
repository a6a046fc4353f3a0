// Members of each thana (or OP) against the threshold: one horizontal bar per unit, coloured by
// status, with the required number as a dashed line. Bars open the unit.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { UnitCompliance, UnitStatus } from '../../../electron/services/compliance/types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { localName } from '../../format/names.js';
import { useFormat } from '../../format/use-format.js';
import { Link, navigate, seg } from '../../router/hash-router.js';
import { thresholdOf } from './dashboard-data.js';

export const STATUS_COLOUR: Record<UnitStatus, string> = {
  compliant: '#2e8b57',
  short: '#e0a030',
  missing: '#c8463d',
};

const ROW_H = 24;
/**
 * A district has a few dozen stations, all shown. A state-size register has a thousand: then
 * the chart shows the ones furthest from the threshold (the clerk's work list) and links to
 * the full list, because a thousand SVG bars cost seconds to draw and nobody can read them.
 */
export const MAX_BARS = 60;

/** Round whole-number axis ticks (0, 50, 100 … or 0, 200, 400 …), about five steps up to at least `top`. */
export function niceAxis(top: number): { max: number; ticks: number[] } {
  const raw = Math.max(1, top / 5);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10]
    .map((m) => m * mag)
    .filter((s) => Number.isInteger(s))
    .find((s) => s >= raw)!;
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(Math.round(v));
  return { max, ticks };
}

export function MembersChart({ units }: { units: readonly UnitCompliance[] }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const f = useFormat();
  const [type, setType] = useState<'thana' | 'op'>('thana');
  const all = units
    .filter((u) => u.type === type)
    .map((u) => ({ code: u.code, label: localName(u, f.lang), members: u.members, status: u.status }))
    .sort((a, b) => a.members - b.members || a.label.localeCompare(b.label));
  const rows = all.slice(0, MAX_BARS);
  const threshold = thresholdOf(units, type);
  const { max, ticks } = niceAxis(Math.max(threshold ?? 0, ...rows.map((r) => r.members), 10) * 1.05);
  const height = Math.max(160, rows.length * ROW_H + 48);

  return (
    <section className="card chart-card" aria-labelledby="members-chart">
      <div className="card__title">
        <h2 id="members-chart">{t('membersChart.title')}</h2>
        <div className="segmented" role="group" aria-label={t('membersChart.title')}>
          {(['thana', 'op'] as const).map((ty) => (
            <button
              key={ty}
              type="button"
              className="segmented__option"
              aria-pressed={type === ty}
              onClick={() => setType(ty)}
            >
              {ty === 'thana' ? t('membersChart.thanas') : t('membersChart.ops')}
            </button>
          ))}
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState compact title={t('membersChart.none', { type: t(`common:unitTypePlural.${type}`) })} />
      ) : (
        <>
          <div
            className="chart-scroll"
            role="img"
            aria-label={t('membersChart.label', { type: t(`common:unitType.${type}`) })}
          >
            <ResponsiveContainer width="100%" height={height}>
              <BarChart
                data={rows}
                layout="vertical"
                margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
                barCategoryGap={4}
              >
                <CartesianGrid horizontal={false} stroke="#e3e8ee" />
                <XAxis
                  type="number"
                  domain={[0, max]}
                  ticks={ticks}
                  allowDecimals={false}
                  tickFormatter={(v: number) => f.number(v)}
                  tick={{ fontSize: 11 }}
                  orientation="top"
                />
                <YAxis type="category" dataKey="label" width={175} tick={{ fontSize: 11.5 }} interval={0} />
                <Tooltip
                  cursor={{ fill: 'rgba(29,78,137,0.06)' }}
                  formatter={(v) => [f.number(Number(v)), t('membersChart.members')]}
                />
                <Bar
                  dataKey="members"
                  name={t('membersChart.members')}
                  cursor="pointer"
                  isAnimationActive={false}
                  minPointSize={3}
                  onClick={(d: { payload?: { code?: string } }) => {
                    if (d.payload?.code) navigate(`/units/${seg(d.payload.code)}`);
                  }}
                >
                  {rows.map((r) => (
                    <Cell key={r.code} fill={STATUS_COLOUR[r.status]} />
                  ))}
                </Bar>
                {threshold !== null ? (
                  <ReferenceLine x={threshold} stroke="#1b2430" strokeDasharray="5 4" ifOverflow="extendDomain" />
                ) : null}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <p className="chart-hint muted">
            <span className="legend-dot legend-dot--compliant" /> {t('common:status.compliant')}
            <span className="legend-dot legend-dot--short" /> {t('common:status.short')}
            <span className="legend-dot legend-dot--missing" /> {t('common:status.missing')}
            {threshold !== null ? (
              <>
                <span className="legend-line" /> {t('membersChart.threshold', { n: f.number(threshold) })}
              </>
            ) : null}{' '}
            · {t('membersChart.hint')}
          </p>
          {all.length > rows.length ? (
            <p className="chart-hint">
              {t('membersChart.truncated', { n: f.number(rows.length), total: f.number(all.length) })}{' '}
              <Link to="/units" query={{ type }}>
                {t('membersChart.seeAll')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
