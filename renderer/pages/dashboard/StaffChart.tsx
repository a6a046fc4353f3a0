// Staff of each rank in at least one active group (R6), all staff or women only. Bars open the
// staff roster filtered to that rank's uncovered staff. The axis shows short one-line rank labels
// (long ones wrapped into each other); the tooltip gives the full name.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StaffBreakdownRow } from '../../../electron/services/compliance/types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useFormat } from '../../format/use-format.js';
import { navigate } from '../../router/hash-router.js';
import { coverageByRank } from './dashboard-data.js';
import { rankAxisLabel, rankFullName } from './rank-labels.js';

const ROW_H = 24;
/** Axis width that holds the longest one-line label of each language (see rank-labels.ts). */
const AXIS_W = { en: 96, hi: 150 } as const;

export function StaffChart({ rows }: { rows: readonly StaffBreakdownRow[] }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const f = useFormat();
  const [women, setWomen] = useState(false);
  const data = coverageByRank(rows, women).map((r) => ({
    ...r,
    label: rankAxisLabel(r, f.lang),
    fullName: rankFullName(r, f.lang),
  }));
  const height = Math.max(160, data.length * ROW_H + 40);
  const open = (d: { payload?: { rank?: string } }) => {
    if (d.payload?.rank) navigate('/staff', { rank: d.payload.rank, uncovered: 1, gender: women ? 'F' : undefined });
  };

  return (
    <section className="card chart-card" aria-labelledby="staff-chart">
      <div className="card__title">
        <h2 id="staff-chart">{t('staffChart.title')}</h2>
        <div className="segmented" role="group" aria-label={t('staffChart.title')}>
          <button type="button" className="segmented__option" aria-pressed={!women} onClick={() => setWomen(false)}>
            {t('staffChart.all')}
          </button>
          <button type="button" className="segmented__option" aria-pressed={women} onClick={() => setWomen(true)}>
            {t('staffChart.women')}
          </button>
        </div>
      </div>
      {data.length === 0 ? (
        <EmptyState compact title={t('staffChart.none')} />
      ) : (
        <>
          <div className="chart-scroll" role="img" aria-label={t('staffChart.label')}>
            <ResponsiveContainer width="100%" height={height}>
              <BarChart
                data={data}
                layout="vertical"
                margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
                barCategoryGap={5}
              >
                <CartesianGrid horizontal={false} stroke="#e3e8ee" />
                <XAxis
                  type="number"
                  tickFormatter={(v: number) => f.number(v)}
                  tick={{ fontSize: 11 }}
                  allowDecimals={false}
                  orientation="top"
                />
                <YAxis type="category" dataKey="label" width={AXIS_W[f.lang]} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip
                  cursor={{ fill: 'rgba(29,78,137,0.06)' }}
                  formatter={(v, name) => [f.number(Number(v)), String(name)]}
                  labelFormatter={(label, payload) => {
                    const full: unknown = payload?.[0]?.payload?.fullName;
                    return typeof full === 'string' ? full : String(label);
                  }}
                />
                <Bar
                  dataKey="covered"
                  name={t('staffChart.covered')}
                  stackId="s"
                  fill="#2e8b57"
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={open}
                />
                <Bar
                  dataKey="uncovered"
                  name={t('staffChart.uncovered')}
                  stackId="s"
                  fill="#c8463d"
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={open}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {/* The legend sits outside the scrolling chart so it stays in view with many ranks. */}
          <p className="chart-hint muted">
            <span className="legend-dot legend-dot--compliant" /> {t('staffChart.covered')}
            <span className="legend-dot legend-dot--missing" /> {t('staffChart.uncovered')} · {t('staffChart.hint')}
          </p>
        </>
      )}
    </section>
  );
}
