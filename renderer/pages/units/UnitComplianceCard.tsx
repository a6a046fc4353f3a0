// A unit's standing against its rule: members of its best qualifying group against the
// threshold, the shortfall, and the split by category.
import { useTranslation } from 'react-i18next';
import type { UnitCompliance } from '../../../electron/services/compliance/types.js';
import { useFormat } from '../../format/use-format.js';

export function Meter({ value, max, status }: { value: number; max: number; status: UnitCompliance['status'] }) {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : status === 'compliant' ? 100 : 0;
  return (
    <div className="meter" aria-hidden="true">
      <div
        className={status === 'compliant' ? 'meter__fill' : `meter__fill meter__fill--${status}`}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}

export function UnitComplianceCard({ compliance }: { compliance: UnitCompliance | undefined }) {
  const { t } = useTranslation(['units', 'common']);
  const f = useFormat();
  if (!compliance) return null;
  const c = compliance;
  return (
    <section className="card unit-compliance" aria-labelledby="unit-compliance">
      <div className="card__title">
        <h2 id="unit-compliance">{t('unit.compliance')}</h2>
      </div>
      {c.required === null ? (
        <p className="muted">{t('unit.noThreshold')}</p>
      ) : (
        <div className="unit-compliance__body">
          <div className="unit-compliance__figure">
            <span className="muted">{t('unit.bestGroup')}</span>
            <strong className="big-number">
              {t('unit.ofRequired', { members: f.number(c.members), required: f.number(c.required) })}
            </strong>
            <Meter value={c.members} max={c.required} status={c.status} />
          </div>
          <div className="unit-compliance__side">
            {c.shortfall > 0 ? (
              <strong className="text-bad">{t('unit.shortfall', { n: f.number(c.shortfall) })}</strong>
            ) : null}
            <span className="muted">
              {t('unit.split', {
                eminent: f.number(c.split.eminent),
                public: f.number(c.split.public),
                staff: f.number(c.split.staff),
              })}
            </span>
          </div>
        </div>
      )}
    </section>
  );
}
