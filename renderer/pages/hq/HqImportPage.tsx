// Importing bundles at HQ (SPEC §8): a bundle or a folder of them chosen with the system dialog,
// progress while each is verified; then what was accepted, what
// HQ already held and what was refused, with the reason in the clerk's language.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Res } from '../../data/call.js';
import { DataTable } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';

type Imported = Extract<Res<'hq.import'>, { cancelled: false }>;
interface Row {
  file: string;
  district: string | null;
  sequence: number | null;
  outcome: 'accepted' | 'duplicate' | 'rejected';
  reason: string;
}

export function HqImportPage() {
  const { t } = useTranslation('hq');
  const f = useFormat();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [result, setResult] = useState<Imported | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (args: { paths?: string[]; pick?: 'files' | 'folder' }) => {
    setBusy(true);
    setError(null);
    setProgress(null);
    abort.current = new AbortController();
    try {
      const r = await call('hq.import', args, {
        signal: abort.current.signal,
        onProgress: (p) => setProgress({ done: p.done, total: p.total }),
      });
      if (!r.cancelled) {
        setResult(r);
        invalidate();
      }
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
      setProgress(null);
      abort.current = null;
    }
  };

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
          reason: '',
        })),
        ...result.rejected.map((r) => ({
          file: r.file,
          district: r.district,
          sequence: null,
          outcome: 'rejected' as const,
          reason: t(`app.reasons.${r.reason}`),
        })),
      ]
    : [];
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;

  return (
    <>
      <PageHeader
        title={t('app.import.title')}
        subtitle={t('app.import.subtitle')}
        actions={
          <>
            <button type="button" className="btn" disabled={busy} onClick={() => void run({ pick: 'folder' })}>
              {t('app.import.chooseFolder')}
            </button>
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() => void run({ pick: 'files' })}
            >
              {t('app.import.chooseFiles')}
            </button>
          </>
        }
      />
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {busy && progress ? (
        <ProgressBar
          label={t('app.import.progress')}
          done={progress.done}
          total={progress.total}
          onCancel={() => abort.current?.abort()}
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
              rejected: f.number(result.rejected.length),
            })}
          </p>
          <DataTable
            caption={t('app.import.result')}
            rows={rows}
            rowKey={(r) => `${r.outcome}:${r.file}`}
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
