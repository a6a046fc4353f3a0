// Backups (SPEC §10, issue #10): the register's backups (automatic, by hand, and those kept
// before a restore), "Back up now" into the register's folder or a chosen one (a USB stick), how
// many automatic backups to keep, and restoring one. A restore first checks the backup (the
// backend refuses a damaged one and says why), then shows what will be replaced — counts, dates,
// the last bundle — and, for a backup older than the last bundle, that the outbox keeps its
// sequence; only then does it replace the register (keeping the replaced one).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useToast } from '../../components/Toast.js';
import { call, type Res } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';

type Entry = Res<'backup.list'>['backups'][number];
type Plan = Res<'backup.inspect'>;
type Summary = Plan['current'];

const REFUSALS = [
  'not_a_file',
  'too_large',
  'checksum_mismatch',
  'not_sqlite',
  'integrity',
  'too_new',
  'not_a_register',
  'cannot_open',
  'audit_broken',
  'other_district',
  'outbox_fork',
] as const;
type Refusal = (typeof REFUSALS)[number];

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

function PlanTable({ plan }: { plan: Plan }) {
  const { t } = useTranslation('backup');
  const f = useFormat();
  const bundle = (s: Summary) =>
    s.lastBundle
      ? t('confirm.bundle', { n: f.number(s.lastBundle.sequence), date: f.date(s.lastBundle.createdAt) })
      : t('confirm.none');
  const rows: [string, (s: Summary) => string][] = [
    [t('confirm.row.units'), (s) => f.number(s.units)],
    [t('confirm.row.groups'), (s) => f.number(s.groups)],
    [t('confirm.row.citizens'), (s) => f.number(s.citizens)],
    [t('confirm.row.memberships'), (s) => f.number(s.activeMemberships)],
    [t('confirm.row.staff'), (s) => f.number(s.staff)],
    [t('confirm.row.audit'), (s) => f.number(s.auditRows)],
    [t('confirm.row.lastChange'), (s) => (s.lastChangeAt ? f.dateTime(s.lastChangeAt) : '—')],
    [t('confirm.row.lastBundle'), bundle],
  ];
  return (
    <>
      <p>{t('confirm.intro', { file: baseName(plan.file) })}</p>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">{t('confirm.col.what')}</th>
            <th scope="col">{t('confirm.col.now')}</th>
            <th scope="col">{t('confirm.col.backup')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value(plan.current)}</td>
              <td>{value(plan.backup)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.olderThanLastBundle ? (
        <div className="banner banner--warn" role="note">
          {t('confirm.older', { n: f.number(plan.highestSequence), next: f.number(plan.highestSequence + 1) })}
        </div>
      ) : null}
      <p className="muted small">{t('confirm.kept')}</p>
    </>
  );
}

export function BackupsPage() {
  const { t } = useTranslation(['backup', 'common']);
  const f = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const list = useQuery(() => call('backup.list', {}), []);
  const [busy, setBusy] = useState<null | 'backup' | 'checking' | 'restoring'>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [refusal, setRefusal] = useState<{ reason: Refusal; district: string } | null>(null);
  const [keep, setKeep] = useState<string | null>(null);
  const [keepError, setKeepError] = useState<string | null>(null);

  const backUp = async (where: 'own' | 'folder') => {
    setError(null);
    setRefusal(null);
    try {
      let to: { kind: 'own' } | { kind: 'folder'; folder: string } = { kind: 'own' };
      if (where === 'folder') {
        const folder = (await call('dialog.chooseFolder', { title: t('actions.chooseFolder') })).path;
        if (!folder) return;
        to = { kind: 'folder', folder };
      }
      setBusy('backup');
      setProgress({ done: 0, total: 0 });
      const r = await call(
        'backup.create',
        { to },
        { onProgress: (p) => setProgress({ done: p.done, total: p.total }) },
      );
      toast({ message: t('done.backup', { file: r.file }) });
      invalidate();
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(null);
    }
  };

  const restore = async (file: string | null) => {
    setError(null);
    setRefusal(null);
    try {
      const chosen = file ?? (await call('dialog.openBackup', {})).path;
      if (!chosen) return;
      setBusy('checking');
      let plan: Plan;
      try {
        plan = await call('backup.inspect', { file: chosen });
      } catch (err) {
        const data = toErrorData(err);
        const details = (data.details ?? {}) as { refusal?: string; backup?: string | null };
        if (data.code === 'BAD_FILE' && REFUSALS.includes(details.refusal as Refusal)) {
          setRefusal({ reason: details.refusal as Refusal, district: details.backup ?? '—' });
          return;
        }
        throw err;
      } finally {
        setBusy(null);
      }
      const ok = await confirm({
        title: t('confirm.title'),
        body: <PlanTable plan={plan} />,
        confirmLabel: t('confirm.ok'),
        destructive: true,
      });
      if (!ok) return;
      setBusy('restoring');
      const r = await call('backup.restore', { file: chosen, acceptOlder: plan.olderThanLastBundle });
      toast({ message: t('done.restored', { file: baseName(chosen), kept: baseName(r.keptAs) }) });
      invalidate();
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(null);
    }
  };

  const saveKeep = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(keep);
    if (!Number.isInteger(n) || n < 1 || n > 365) {
      setKeepError(t('auto.invalid'));
      return;
    }
    setKeepError(null);
    try {
      await call('backup.settings.set', { keep: n });
      toast({ message: t('auto.saved', { n: f.number(n) }) });
      setKeep(null);
      invalidate();
    } catch (err) {
      setError(toErrorData(err));
    }
  };

  const columns: Column<Entry>[] = [
    {
      key: 'date',
      header: t('list.col.date'),
      cell: (b) => <span className="nowrap">{f.dateTime(b.createdAt)}</span>,
      sortValue: (b) => b.createdAt,
    },
    {
      key: 'file',
      header: t('list.col.file'),
      cell: (b) => (
        <span>
          <span className="mono small">{b.fileName}</span>
          {b.hasChecksum ? <span className="muted small block">{t('list.checksum')}</span> : null}
        </span>
      ),
    },
    { key: 'kind', header: t('list.col.kind'), cell: (b) => t(`list.kind.${b.kind}`) },
    { key: 'size', header: t('list.col.size'), align: 'end', cell: (b) => f.bytes(b.bytes), sortValue: (b) => b.bytes },
    {
      key: 'actions',
      header: t('list.col.actions'),
      cell: (b) => (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => void restore(b.file)}
          disabled={busy !== null}
          aria-label={`${t('actions.restore')} ${b.fileName}`}
        >
          {t('actions.restore')}
        </button>
      ),
    },
  ];

  const data = list.data;
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void backUp('own')}
              disabled={busy !== null}
            >
              {t('actions.now')}
            </button>
            <button type="button" className="btn" onClick={() => void backUp('folder')} disabled={busy !== null}>
              {t('actions.toFolder')}
            </button>
            <button type="button" className="btn" onClick={() => void restore(null)} disabled={busy !== null}>
              {t('actions.restoreFile')}
            </button>
          </>
        }
      />
      {list.error ? <ErrorBanner error={list.error} onRetry={list.reload} /> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {refusal ? (
        <div className="banner banner--error" role="alert">
          <div className="banner__text">
            <strong className="banner__title">{t('refused.title')}</strong>
            <span className="banner__message">{t(`refused.${refusal.reason}`, { district: refusal.district })}</span>
          </div>
          <div className="banner__actions">
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setRefusal(null)}>
              {t('common:actions.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
      {busy === 'backup' ? (
        <section className="card">
          <ProgressBar label={t('progress.label')} done={progress.done} total={progress.total} />
        </section>
      ) : busy === 'checking' || busy === 'restoring' ? (
        <p className="muted" role="status">
          {busy === 'checking' ? t('progress.checking') : t('common:state.working')}
        </p>
      ) : null}

      {data ? (
        <section className="card" aria-labelledby="auto-backups">
          <div className="card__title">
            <h2 id="auto-backups">{t('auto.title')}</h2>
          </div>
          <p>{t('auto.body', { folder: data.folder })}</p>
          <form className="inline-form" onSubmit={(e) => void saveKeep(e)} noValidate>
            <label htmlFor="backup-keep">{t('auto.keep')}</label>
            <input
              id="backup-keep"
              className="input input--narrow"
              type="number"
              min={1}
              max={365}
              value={keep ?? String(data.keep)}
              onChange={(e) => setKeep(e.target.value)}
              aria-invalid={keepError ? true : undefined}
              aria-describedby={keepError ? 'backup-keep-error' : undefined}
            />
            <span>{t('auto.keepUnit')}</span>
            <button type="submit" className="btn btn--small" disabled={keep === null}>
              {t('actions.save')}
            </button>
            {keepError ? (
              <span id="backup-keep-error" className="field__error" role="alert">
                {keepError}
              </span>
            ) : null}
          </form>
        </section>
      ) : null}

      <section className="section" aria-labelledby="backup-list">
        <h2 id="backup-list" className="section__title">
          {t('list.title')}
        </h2>
        {data ? (
          <DataTable
            caption={t('list.title')}
            columns={columns}
            rows={data.backups}
            rowKey={(b) => b.file}
            initialSort={{ key: 'date', dir: 'desc' }}
            empty={<EmptyState compact title={t('list.empty')} body={t('list.emptyBody')} />}
          />
        ) : list.error ? null : (
          <EmptyState compact title={t('common:state.loading')} />
        )}
      </section>
    </div>
  );
}
