// The policy's rules R1–R7 with met / not met, how many units, staff or groups fail each, and
// a way to the failing items.
import { useTranslation } from 'react-i18next';
import type { ComplianceReport, RuleResult } from '../../../electron/services/compliance/types.js';
import { Pill } from '../../components/StatusBadge.js';
import { useFormat } from '../../format/use-format.js';
import { href } from '../../router/hash-router.js';
import { thresholdOf } from './dashboard-data.js';
import { breakersHeadingId, showBreakers } from './RuleBreakersCard.js';

/** Where the failing items of a rule are listed. */
function failuresLink(rule: RuleResult): string | null {
  switch (rule.id) {
    case 'R1':
      return href('/units', { type: 'thana', status: 'failing' });
    case 'R2':
      return href('/units', { type: 'op', status: 'failing' });
    case 'R3':
      return href('/units', { type: 'district_centre', status: 'failing' });
    case 'R5':
      return href('/units', { type: 'division', status: 'failing' });
    case 'R6':
      return href('/staff', { uncovered: 1 });
    default:
      return null;
  }
}

export function RulesCard({ report }: { report: ComplianceReport }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const f = useFormat();
  const thresholds: Record<string, number | null> = {
    R1: thresholdOf(report.units, 'thana'),
    R2: thresholdOf(report.units, 'op'),
    R3: thresholdOf(report.units, 'district_centre'),
  };
  return (
    <section className="card" aria-labelledby="rules-card">
      <div className="card__title">
        <h2 id="rules-card">{t('rules.title')}</h2>
      </div>
      <ul className="rules">
        {report.rules.map((r) => {
          const link = r.passed ? null : failuresLink(r);
          const n = thresholds[r.id];
          return (
            <li key={r.id} className="rules__item">
              <span className="rules__id">{r.id}</span>
              <span className="rules__text">
                {t(`rules.${r.id}`, { n: n == null ? '—' : f.number(n) })}
                {!r.passed && r.failures > 0 ? (
                  <span className="rules__detail">
                    {/* The count opens who breaks the rule, below, each with a way to fix it. */}
                    <button
                      type="button"
                      className="link-button"
                      aria-controls={breakersHeadingId(r.id)}
                      onClick={() => showBreakers(r.id)}
                    >
                      {t('rules.failures', { count: r.failures })}
                    </button>
                    {link ? (
                      <>
                        {' · '}
                        <a href={link}>{t('rules.openList')}</a>
                      </>
                    ) : null}
                  </span>
                ) : null}
                {r.warnings ? (
                  <span className="rules__detail rules__detail--warn">
                    {t('rules.warnings', { count: r.warnings })}
                  </span>
                ) : null}
              </span>
              <Pill tone={r.passed ? (r.warnings ? 'warn' : 'good') : 'bad'}>
                {r.passed ? t('rules.passed') : t('rules.failed')}
              </Pill>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
