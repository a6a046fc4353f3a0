// Export the register (`dialog.saveFile` → `export.register`): one workbook in the import's own
// format, so a register round-trips through Excel.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useToast } from '../../components/Toast.js';
import { call, type Res } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { todayIso } from '../../format/dates.js';
import { useFormat } from '../../format/use-format.js';
import type { Progress } from '../../api/index.js';

export function ExportPanel() {
  const { t } = useTranslation('import');
  const f = useFormat();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [done, setDone] = useState<Res<'export.register'> | null>(null);

  const run = async () => {
    setError(null);
    setDone(null);
    try {
      const target = await call('dialog.saveFile', {
        defaultName: t('export.defaultName', { date: todayIso() }),
        kind: 'xlsx',
      });
      if (!target.path) return;
      setBusy(true);
      setProgress(null);
      const res = await call('export.register', { file: target.path }, { onProgress: setProgress });
      setDone(res);
      toast({ message: t('export.done', { path: res.file }) });
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card import-card" aria-labelledby="export-heading">
      <h2 id="export-heading" className="import-card__heading">
        {t('export.heading')}
      </h2>
      <p className="muted import-step__intro">{t('export.body')}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {busy ? (
        <ProgressBar label={t('export.working')} done={progress?.done ?? 0} total={progress?.total ?? 0} />
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => void run()}>
          {t('export.button')}
        </button>
      )}
      {done ? (
        <div className="export-done" role="status">
          <p>
            {t('export.savedTo')} <span className="mono">{done.file}</span>
          </p>
          <dl className="dl-grid">
            <dt>{t('entities.units')}</dt>
            <dd className="num">{f.number(done.counts.units)}</dd>
            <dt>{t('entities.groups')}</dt>
            <dd className="num">{f.number(done.counts.groups)}</dd>
            <dt>{t('entities.staff')}</dt>
            <dd className="num">{f.number(done.counts.staff)}</dd>
            <dt>{t('entities.memberships')}</dt>
            <dd className="num">{f.number(done.counts.members)}</dd>
          </dl>
          {done.skippedErased > 0 ? (
            <p className="muted">{t('export.skippedErased', { formatted: f.number(done.skippedErased) })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
