// A unit's compliance status as a coloured, labelled badge (colour is never the only signal:
// the word and a symbol are always there).
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../electron/services/compliance/types.js';

const SYMBOL: Record<UnitStatus, string> = { compliant: '✓', short: '!', missing: '✕' };

export function StatusBadge({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}`}>
      <span aria-hidden="true" className="badge__symbol">
        {SYMBOL[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}

/** Pass / fail of a rule, or active / closed of a group: same look, other words. */
export function Pill({ tone, children }: { tone: 'good' | 'bad' | 'warn' | 'neutral'; children: React.ReactNode }) {
  return <span className={`pill pill--${tone}`}>{children}</span>;
}
