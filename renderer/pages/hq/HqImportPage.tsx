// Importing bundles at HQ (SPEC §8): many bundles chosen with the system dialog, a folder of
// them, or bundles and folders dropped on the window (the drop zone here; HqApp takes a drop
// anywhere in HQ mode). Progress while each is verified, with Cancel; then what was accepted,
// what HQ already held and what was refused, with the reason in the clerk's language. The run
// itself lives in hq-import-run.ts so a drop on another HQ page lands here.
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useFormat } from '../../format/use-format.js';
import { cancelImport, dismissImportError, runImport, useImportRun } from './hq-import-run.js';

interface Row {
  key: number;
  file: string;
  district: string | null;
  sequence: number | null;
  outcome: 'accepted' | 'duplicate' | 'rejected';
  reason: string;
}

export function HqImportPage() {
  const { t } = useTranslation('hq');
  const f = useFormat();
  const { busy, phase, progress, error, result, refused, names, dragging } = useImportRun();
  const run = (pick: 'files' | 'folder') => void runImport({ pick });

  const rows: Row[] = result
    ? [
        ...result.accepted.map((a) => ({
          file: a.file,
          district: a.district,
          sequence: a.sequence,
          outcome: 'accepted' as const,
          reason: a.warnings
            .map((w) => t('app.import.gap', { list: w.missing.map((n) => f.number(n)).join(', ') }))
            .join('; '),
        })),
        ...result.duplicates.map((d) => ({
          file: d.file,
          district: d.district,
          sequence: d.sequence,
          outcome: 'duplicate' as const,
          reason: t('app.import.duplicateReason'),
        })),
        ...result.rejected.map((r) => ({
          file: r.file,
          district: r.district,
          sequence: null,
          outcome: 'rejected' as const,
          reason: t(`app.reasons.${r.reason}`),
        })),
        ...refused.map((x) => ({
          file: x.name,
          district: null,
          sequence: null,
          outcome: 'rejected' as const,
          reason: t(`app.import.local.${x.why}`),
        })),
      ].map((r, key) => ({ ...r, key }))
    : [];
  // The name the user dropped or chose (the preview keeps it in the uploaded file's path too).
  const base = (p: string) => names[p] ?? p.split(/[\\/]/).pop() ?? p;

  return (
    <>
      <PageHeader
        title={t('app.import.title')}
        subtitle={t('app.import.subtitle')}
        actions={
          <>
            <button type="button" className="btn" disabled={busy} onClick={() => run('folder')}>
              {t('app.import.chooseFolder')}
            </button>
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => run('files')}>
              {t('app.import.chooseFiles')}
            </button>
          </>
        }
      />
      {error ? <ErrorBanner error={error} onDismiss={dismissImportError} /> : null}
      <div className={`hq-drop${dragging ? ' is-dragging' : ''}${busy ? ' is-busy' : ''}`} data-testid="hq-drop-zone">
        <span className="hq-drop__icon" aria-hidden="true">
          ⇩
        </span>
        <span className="hq-drop__title">
          {busy ? t('app.import.busyDrop') : dragging ? t('app.import.dropNow') : t('app.import.dropTitle')}
        </span>
        {busy ? null : <span className="hq-drop__hint">{t('app.import.dropHint')}</span>}
      </div>
      {busy ? (
        // Until the first figures arrive (total 0) the bar shows activity; Cancel works throughout.
        <ProgressBar
          label={phase === 'reading' ? t('app.import.reading') : t('app.import.progress')}
          done={progress?.done ?? 0}
          total={progress?.total ?? 0}
          onCancel={cancelImport}
        />
      ) : null}
      {result ? (
        <section className="card" aria-labelledby="hq-import-result">
          <div className="card__title">
            <h2 id="hq-import-result">{t('app.import.result')}</h2>
          </div>
          <p role="status">
            {t('app.import.summary', {
              accepted: f.number(result.accepted.length),
              duplicates: f.number(result.duplicates.length),
              rejected: f.number(result.rejected.length + refused.length),
            })}
          </p>
          <DataTable
            caption={t('app.import.result')}
            rows={rows}
            rowKey={(r) => String(r.key)}
            empty={<EmptyState compact title={t('app.import.none')} />}
            rowClassName={(r) => (r.outcome === 'rejected' ? 'row--warn' : undefined)}
            columns={[
              { key: 'file', header: t('app.import.file'), cell: (r) => base(r.file), sortValue: (r) => r.file },
              { key: 'district', header: t('app.dashboard.district'), cell: (r) => r.district ?? '' },
              {
                key: 'sequence',
                header: t('app.dashboard.sequence'),
                align: 'end',
                cell: (r) => f.number(r.sequence),
              },
              {
                key: 'outcome',
                header: t('app.import.outcome'),
                cell: (r) => (
                  <span
                    className={`badge badge--${r.outcome === 'accepted' ? 'compliant' : r.outcome === 'duplicate' ? 'short' : 'missing'}`}
                  >
                    {t(`app.import.${r.outcome}`)}
                  </span>
                ),
              },
              { key: 'reason', header: t('app.import.reason'), cell: (r) => r.reason },
            ]}
          />
        </section>
      ) : (
        <EmptyState compact title={t('app.import.none')} />
      )}
    </>
  );
}
