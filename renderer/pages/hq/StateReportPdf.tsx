// "State report (PDF)" on the HQ dashboard: asks where to save (the save dialog, pdf kind), has
// the backend print the bilingual state report there (hq.reportPdf) with progress, then offers to
// open the file (hq.openFile: only files this app wrote). The button goes in the page header, the
// progress, error and result in the page: the hook hands back both.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { todayIso } from '../../format/dates.js';

const PHASES = ['read', 'render', 'write'] as const;
type Phase = (typeof PHASES)[number];

type State =
  | { kind: 'idle' }
  | { kind: 'running'; phase: string; done: number; total: number }
  | { kind: 'saved'; file: string }
  | { kind: 'failed'; error: ApiErrorData };

export function useStateReportPdf(silentDays: number): { button: ReactNode; panel: ReactNode } {
  const { t } = useTranslation('hq');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [openError, setOpenError] = useState<ApiErrorData | null>(null);
  const running = state.kind === 'running';

  const make = async () => {
    if (running) return;
    setOpenError(null);
    try {
      const { path } = await call('dialog.saveFile', {
        defaultName: `samooh-state-report-${todayIso().replaceAll('-', '')}.pdf`,
        kind: 'pdf',
      });
      if (!path) {
        setState({ kind: 'idle' });
        return;
      }
      setState({ kind: 'running', phase: 'read', done: 0, total: 3 });
      const w = await call(
        'hq.reportPdf',
        { file: path, silentDays },
        { onProgress: (p) => setState({ kind: 'running', phase: p.phase, done: p.done, total: p.total }) },
      );
      setState({ kind: 'saved', file: w.file });
    } catch (err) {
      setState({ kind: 'failed', error: toErrorData(err) });
    }
  };

  const open = async (file: string) => {
    setOpenError(null);
    try {
      await call('hq.openFile', { file });
    } catch (err) {
      setOpenError(toErrorData(err));
    }
  };

  const phase = (p: string) => ((PHASES as readonly string[]).includes(p) ? t(`app.report.phase.${p as Phase}`) : p);

  const button = (
    <button type="button" className="btn" onClick={() => void make()} disabled={running} aria-busy={running}>
      {t('app.report.button')}
    </button>
  );

  let panel: ReactNode = null;
  if (state.kind === 'running') {
    panel = (
      <section className="card hq-report" aria-label={t('app.report.making')}>
        <ProgressBar label={t('app.report.making')} done={state.done} total={state.total} detail={phase(state.phase)} />
      </section>
    );
  } else if (state.kind === 'failed') {
    panel = (
      <div className="hq-report">
        <ErrorBanner error={state.error} onDismiss={() => setState({ kind: 'idle' })} onRetry={() => void make()} />
      </div>
    );
  } else if (state.kind === 'saved') {
    panel = (
      <section className="card hq-report hq-report-saved" role="status" aria-label={t('app.report.savedTitle')}>
        {openError ? <ErrorBanner error={openError} onDismiss={() => setOpenError(null)} /> : null}
        <p>
          <strong>{t('app.report.savedTitle')}</strong> <span className="mono">{state.file}</span>
        </p>
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setState({ kind: 'idle' })}>
            {t('app.dashboard.close')}
          </button>
          <button type="button" className="btn btn--primary" onClick={() => void open(state.file)}>
            {t('app.report.open')}
          </button>
        </div>
      </section>
    );
  }
  return { button, panel };
}
