// Send to HQ: what the next bundle will report; making it (once: it gets the next sequence
// number); then handing that same bundle on — saved to a folder (USB stick), as an email draft,
// or both — without a new sequence (issue #11); print the report; the district key; the outbox
// with every delivery. Making a bundle shows progress and can be cancelled; the members list
// (personal data) is off unless the clerk ticks it, and then asks once more.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useToast } from '../../components/Toast.js';
import { call, type Res } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';
import { KeyCard } from './KeyCard.js';
import { EmailSettingsDialog } from './EmailSettingsDialog.js';
import { OutboxTable } from './OutboxTable.js';

type Preview = Res<'bundle.preview'>;
type Delivered = Res<'bundle.deliver'>;
type OutboxEntry = Res<'bundle.outbox'>['entries'][number];
const PHASES = ['compute', 'payload', 'sign', 'zip', 'verify', 'save', 'done'] as const;
type Phase = (typeof PHASES)[number];

interface Running {
  sequence: number;
  done: number;
  total: number;
  phase: string;
  cancelling: boolean;
}

type Outcome = { kind: 'folder' | 'email'; written: Delivered };

function PreviewCard({
  p,
  withMembers,
  onToggle,
}: {
  p: Preview;
  withMembers: boolean;
  onToggle: (v: boolean) => void;
}) {
  const { t } = useTranslation(['send', 'common']);
  const f = useFormat();
  const fig = p.figures;
  return (
    <section className="card" aria-labelledby="next-bundle">
      <div className="card__title">
        <h2 id="next-bundle">{t('next.title')}</h2>
        {p.lastBundle ? (
          <span className="muted small">
            {t('next.lastSent', { n: f.number(p.lastBundle.sequence), date: f.date(p.lastBundle.createdAt) })}
          </span>
        ) : null}
      </div>
      <div className="grid grid--2">
        <dl className="dl-grid">
          <dt>{t('next.sequence')}</dt>
          <dd>
            <strong>{f.number(p.sequence)}</strong>
          </dd>
          <dt>{t('next.date')}</dt>
          <dd>{f.date(p.baggingDate)}</dd>
          <dt>{t('next.file')}</dt>
          <dd className="mono small break">{p.fileName}</dd>
          <dt>{t('next.previous')}</dt>
          <dd>
            {p.lastBundle ? (
              <span className="mono small" title={p.previousTagmanifestSha256}>
                {p.previousTagmanifestSha256.slice(0, 16)}…
              </span>
            ) : (
              <span className="muted">{t('next.previousNone')}</span>
            )}
          </dd>
        </dl>
        <dl className="dl-grid">
          <dt>{t('next.compliant')}</dt>
          <dd>
            {t('next.compliantValue', {
              n: f.number(fig.compliant),
              total: f.number(fig.units),
              pct: f.percent(fig.percentCompliant),
            })}
          </dd>
          <dt>{t('next.shortMissing')}</dt>
          <dd>
            {f.number(fig.short)} / {f.number(fig.missing)}
          </dd>
          <dt>{t('next.citizens')}</dt>
          <dd>
            {f.number(fig.citizens)} / {f.number(fig.memberships)}
          </dd>
          <dt>{t('next.staff')}</dt>
          <dd>
            {f.number(fig.staffCovered)} / {f.number(fig.staffTotal)}
          </dd>
          <dt>{t('next.groups')}</dt>
          <dd>{f.number(fig.groups)}</dd>
        </dl>
      </div>
      <details className="details">
        <summary>
          {t('next.files')} · {f.bytes(p.payloadBytes)}
        </summary>
        <ul className="file-list">
          {p.files.map((file) => (
            <li key={file.path}>
              <span className="mono">{file.path}</span> <span className="muted">{f.bytes(file.bytes)}</span>
            </li>
          ))}
        </ul>
      </details>
      <label className="check">
        <input type="checkbox" checked={withMembers} onChange={(e) => onToggle(e.target.checked)} />
        <span>
          {t('next.members')}
          <span className="muted small block">{t('next.membersHint')}</span>
        </span>
      </label>
      {withMembers ? (
        <div className="banner banner--warn" role="note">
          {t('next.membersWarning', { n: f.number(fig.memberRows ?? 0) })}
        </div>
      ) : null}
      {p.warnings
        .filter((w) => w !== 'members_personal_data')
        .map((w) => (
          <div key={w} className="banner banner--info" role="note">
            {w === 'email_recipient_missing' ? t('warnings.email_recipient_missing') : w}
          </div>
        ))}
    </section>
  );
}

function OutcomeCard({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const { t } = useTranslation(['send', 'common']);
  const f = useFormat();
  const w = outcome.written;
  return (
    <section className="card card--success" aria-labelledby="bundle-outcome" role="status">
      <div className="card__title">
        <h2 id="bundle-outcome">
          {outcome.kind === 'folder'
            ? t('result.savedTitle', { n: f.number(w.sequence) })
            : t('result.emailTitle', { n: f.number(w.sequence) })}
        </h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          {t('common:actions.close')}
        </button>
      </div>
      {outcome.kind === 'email' ? <p>{t('result.emailBody')}</p> : null}
      {w.alreadyThere ? <p>{t('result.alreadyThere')}</p> : null}
      {outcome.kind === 'email' && outcome.written.largeAttachment ? (
        <div className="banner banner--warn" role="note">
          {t('result.largeAttachment', { size: f.bytes(w.bytes) })}
        </div>
      ) : null}
      <dl className="dl-grid">
        <dt>{t('result.file')}</dt>
        <dd className="mono small break">{w.file}</dd>
        {w.eml ? (
          <>
            <dt>{t('result.eml')}</dt>
            <dd className="mono small break">{w.eml}</dd>
          </>
        ) : null}
        <dt>{t('result.size')}</dt>
        <dd>{f.bytes(w.bytes)}</dd>
        <dt>{t('result.sha')}</dt>
        <dd className="mono small break">{w.zipSha256}</dd>
        <dt>{t('result.keyId')}</dt>
        <dd className="mono">{w.keyId}</dd>
      </dl>
    </section>
  );
}

/** The latest bundle made: what it is, where it went, and the ways to hand it on. */
function BundleCard({
  entry,
  disabled,
  onDeliver,
}: {
  entry: OutboxEntry;
  disabled: boolean;
  onDeliver: (kind: 'folder' | 'email') => void;
}) {
  const { t } = useTranslation(['send', 'common']);
  const f = useFormat();
  const delivered = entry.deliveries.filter((d) => d.state === 'done');
  return (
    <section className="card" aria-labelledby="made-bundle">
      <div className="card__title">
        <h2 id="made-bundle">{t('made.title', { n: f.number(entry.sequence) })}</h2>
        <span className="muted small">
          {t('made.subtitle', { date: f.dateTime(entry.createdAt), by: entry.createdBy })}
        </span>
      </div>
      <dl className="dl-grid">
        <dt>{t('result.file')}</dt>
        <dd className="mono small break">{entry.fileName}</dd>
        <dt>{t('result.size')}</dt>
        <dd>{f.bytes(entry.bytes)}</dd>
        <dt>{t('result.sha')}</dt>
        <dd className="mono small break">{entry.zipSha256}</dd>
        <dt>{t('made.deliveries')}</dt>
        <dd>
          {delivered.length === 0 ? (
            <span className="muted">{t('made.none')}</span>
          ) : (
            <ul className="plain-list">
              {delivered.map((d) => (
                <li key={d.id}>
                  {d.target === 'folder' ? t('outbox.target.folder') : t('outbox.target.email')}
                  <span className="muted small">
                    {' · '}
                    {f.dateTime(d.at)}
                  </span>
                  <span className="mono small block break">{d.location}</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {entry.present ? (
        <>
          <p className="muted small">{t('made.hint')}</p>
          <div className="action-row">
            <button type="button" className="btn btn--primary" onClick={() => onDeliver('folder')} disabled={disabled}>
              {t('actions.folder')}
            </button>
            <button type="button" className="btn btn--primary" onClick={() => onDeliver('email')} disabled={disabled}>
              {t('actions.email')}
            </button>
          </div>
        </>
      ) : (
        <div className="banner banner--warn" role="note">
          {t('made.missing')}
        </div>
      )}
    </section>
  );
}

export function SendPage(_: { query?: URLSearchParams }) {
  const { t } = useTranslation(['send', 'common', 'errors']);
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const [withMembers, setWithMembers] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [emailOpen, setEmailOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const preview = useQuery(() => call('bundle.preview', { withMembers }), [withMembers]);
  const key = useQuery(() => call('key.info', {}), []);
  const outbox = useQuery(() => call('bundle.outbox', {}), []);
  const email = useQuery(() => call('settings.email.get', {}), []);

  const p = preview.data;
  const districtCode = p?.district.code ?? 'district';

  const membersOk = async () =>
    !withMembers ||
    confirm({
      title: t('confirmMembers.title'),
      body: t('confirmMembers.body', { n: f.number(p?.figures.memberRows ?? 0) }),
      confirmLabel: t('confirmMembers.ok'),
      destructive: true,
    });

  const latest = outbox.data?.entries[0];

  /** Signs the next bundle once; delivering it is a separate step (one bundle, many deliveries). */
  const make = async () => {
    if (!p || running) return;
    setError(null);
    setOutcome(null);
    try {
      if (!(await membersOk())) return;
      const ctrl = new AbortController();
      abort.current = ctrl;
      setRunning({ sequence: p.sequence, done: 0, total: 0, phase: 'compute', cancelling: false });
      const onProgress = (pr: { phase: string; done: number; total: number }) =>
        setRunning((r) => (r ? { ...r, done: pr.done, total: pr.total, phase: pr.phase } : r));
      const made = await call('bundle.make', { withMembers }, { signal: ctrl.signal, onProgress });
      toast({ message: t('result.madeTitle', { n: f.number(made.sequence) }) });
      invalidate();
    } catch (err) {
      const data = toErrorData(err);
      if (data.code !== 'CANCELLED') setError(data);
      else toast({ message: t('errors:code.CANCELLED'), tone: 'info' });
    } finally {
      abort.current = null;
      setRunning(null);
    }
  };

  /** Hands on the bundle already made: a copy to a folder (USB), or the e-mail draft. */
  const deliver = async (kind: 'folder' | 'email') => {
    if (!latest || running || busy) return;
    setError(null);
    setOutcome(null);
    setBusy(true);
    try {
      let to: { kind: 'folder'; folder: string } | { kind: 'email' } = { kind: 'email' };
      if (kind === 'folder') {
        const folder = (await call('dialog.chooseFolder', { title: t('actions.chooseFolder') })).path;
        if (!folder) return;
        to = { kind: 'folder', folder };
      }
      const written = await call('bundle.deliver', { sequence: latest.sequence, to });
      setOutcome({ kind, written });
      invalidate();
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  const printPdf = async () => {
    setError(null);
    setBusy(true);
    try {
      const date = p?.baggingDate.replaceAll('-', '') ?? '';
      const { path } = await call('dialog.saveFile', {
        defaultName: `samooh-${districtCode}-${date}-report.pdf`,
        kind: 'pdf',
      });
      if (!path) return;
      await call('bundle.reportPdf', { file: path });
      toast({ message: t('result.pdfSaved', { file: path }) });
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  const exportKey = async () => {
    setError(null);
    setBusy(true);
    try {
      const { path } = await call('dialog.saveFile', { defaultName: `${districtCode}.pub`, kind: 'pub' });
      if (!path) return;
      const r = await call('key.exportPublic', { file: path });
      toast({ message: t('result.keySaved', { file: r.file }) });
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  const phaseLabel = (phase: string) =>
    (PHASES as readonly string[]).includes(phase) ? t(`progress.${phase as Phase}`) : phase;
  const loadError = preview.error ?? key.error ?? outbox.error;

  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button type="button" className="btn" onClick={() => setEmailOpen(true)} disabled={!email.data}>
            {t('actions.emailSettings')}
          </button>
        }
      />
      {loadError ? (
        <ErrorBanner
          error={loadError}
          onRetry={() => {
            preview.reload();
            key.reload();
            outbox.reload();
          }}
        />
      ) : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}

      <div className="send-grid">
        <div className="dash-col">
          {p ? (
            <PreviewCard p={p} withMembers={withMembers} onToggle={setWithMembers} />
          ) : !preview.error ? (
            <p className="muted" role="status">
              {t('common:state.loading')}
            </p>
          ) : null}
          {running ? (
            <section className="card">
              <ProgressBar
                label={t('progress.label', { n: f.number(running.sequence) })}
                done={running.done}
                total={running.total}
                detail={phaseLabel(running.phase)}
                cancelling={running.cancelling}
                onCancel={() => {
                  setRunning((r) => (r ? { ...r, cancelling: true } : r));
                  abort.current?.abort();
                }}
              />
            </section>
          ) : p ? (
            <div className="action-row">
              <button type="button" className="btn btn--primary" onClick={() => void make()} disabled={busy}>
                {t('actions.make', { n: f.number(p.sequence) })}
              </button>
              <button type="button" className="btn" onClick={() => void printPdf()} disabled={busy}>
                {t('actions.pdf')}
              </button>
            </div>
          ) : null}
          {outcome ? <OutcomeCard outcome={outcome} onClose={() => setOutcome(null)} /> : null}
          {latest ? (
            <BundleCard entry={latest} disabled={busy || running !== null} onDeliver={(k) => void deliver(k)} />
          ) : null}
        </div>
        <div className="dash-col">
          {key.data !== undefined ? <KeyCard info={key.data} onExport={() => void exportKey()} busy={busy} /> : null}
        </div>
      </div>

      <section className="section" aria-labelledby="outbox">
        <h2 id="outbox" className="section__title">
          {t('outbox.title')}
        </h2>
        {outbox.data ? (
          <OutboxTable entries={outbox.data.entries} />
        ) : outbox.error ? null : (
          <EmptyState compact title={t('common:state.loading')} />
        )}
      </section>

      {emailOpen && email.data ? (
        <EmailSettingsDialog
          initial={email.data}
          onCancel={() => setEmailOpen(false)}
          onSubmit={async (v) => {
            await call('settings.email.set', v);
            setEmailOpen(false);
            toast({ message: t('email.saved') });
            invalidate();
          }}
        />
      ) : null}
    </div>
  );
}
