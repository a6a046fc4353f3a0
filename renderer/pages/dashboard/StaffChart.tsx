// Staff of each rank in at least one active group (R6), all staff or women only. Bars open the
// staff roster filtered to that rank's uncovered staff.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StaffBreakdownRow } from '../../../electron/services/compliance/types.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useFormat } from '../../format/use-format.js';
import { navigate } from '../../router/hash-router.js';
import { coverageByRank } from './dashboard-data.js';

const ROW_H = 26;

export function StaffChart({ rows }: { rows: readonly StaffBreakdownRow[] }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const f = useFormat();
  const [women, setWomen] = useState(false);
  const data = coverageByRank(rows, women).map((r) => ({
    ...r,
    label: f.lang === 'hi' ? r.rankHi : r.rankEn,
  }));
  const height = Math.max(160, data.length * ROW_H + 70);
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
                />
                <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip
                  cursor={{ fill: 'rgba(29,78,137,0.06)' }}
                  formatter={(v, name) => [f.number(Number(v)), String(name)]}
                />
                <Legend verticalAlign="bottom" height={24} iconType="square" wrapperStyle={{ fontSize: 12 }} />
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
          <p className="chart-hint muted">{t('staffChart.hint')}</p>
        </>
      )}
    </section>
  );
}
