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
import { navigate, seg } from '../../router/hash-router.js';
import { thresholdOf } from './dashboard-data.js';

export const STATUS_COLOUR: Record<UnitStatus, string> = {
  compliant: '#2e8b57',
  short: '#e0a030',
  missing: '#c8463d',
};

const ROW_H = 24;

export function MembersChart({ units }: { units: readonly UnitCompliance[] }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const f = useFormat();
  const [type, setType] = useState<'thana' | 'op'>('thana');
  const rows = units
    .filter((u) => u.type === type)
    .map((u) => ({ code: u.code, label: localName(u, f.lang), members: u.members, status: u.status }))
    .sort((a, b) => a.members - b.members || a.label.localeCompare(b.label));
  const threshold = thresholdOf(units, type);
  // A round upper bound a little above the threshold and the biggest group, so ticks are even.
  const top = Math.max(threshold ?? 0, ...rows.map((r) => r.members), 10) * 1.05;
  const step = 10 ** Math.floor(Math.log10(top)) / 2;
  const max = Math.ceil(top / step) * step;
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
                  allowDecimals={false}
                  tickFormatter={(v: number) => f.number(v)}
                  tick={{ fontSize: 11 }}
                  orientation="top"
                />
                <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} interval={0} />
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
        </>
      )}
    </section>
  );
}
