// Progress of long work (imports, bundles) with an optional cancel. `total` 0 means "unknown
// yet": the bar shows activity without a figure.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/use-format.js';

interface ProgressBarProps {
  label: string;
  done: number;
  total: number;
  /** Text under the bar (the phase in the clerk's words). */
  detail?: string;
  onCancel?: () => void;
  cancelling?: boolean;
}

export function ProgressBar({ label, done, total, detail, onCancel, cancelling }: ProgressBarProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const labelId = useId();
  const known = total > 0;
  const pct = known ? Math.min(100, Math.max(0, (done / total) * 100)) : 0;
  return (
    <div className="progress">
      <div className="progress__head">
        <span className="progress__label" id={labelId}>
          {label}
        </span>
        {known ? (
          <span className="progress__figures">
            {t('progress.of', { done: f.number(done), total: f.number(total) })} · {f.percent(pct, 0)}
          </span>
        ) : null}
      </div>
      <div
        className={known ? 'progress__track' : 'progress__track progress__track--indeterminate'}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
      >
        <div className="progress__fill" style={{ width: known ? `${pct}%` : undefined }} />
      </div>
      <div className="progress__foot">
        {detail ? <span className="progress__detail">{detail}</span> : <span />}
        {onCancel ? (
          <button type="button" className="btn btn--small" onClick={onCancel} disabled={cancelling}>
            {cancelling ? t('progress.cancelling') : t('progress.cancel')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
