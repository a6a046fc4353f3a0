// Registers at any time (issue #11): the header's "Registers" button opens a dialog with Open
// register… (the open-file dialog), Open demo district and the recently opened registers. The
// Electron File menu reaches the same actions through `registersMenuEvent`. After a switch the
// whole app re-reads its data (app.status names the new district; every query is invalidated).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../app-status.js';
import { ErrorBanner } from '../components/ErrorBanner.js';
import { Modal } from '../components/Modal.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { useToast } from '../components/Toast.js';
import { call, type Res } from '../data/call.js';
import { toErrorData, type ApiErrorData } from '../data/errors.js';
import { invalidate } from '../data/use-query.js';
import { currentLanguage } from '../i18n/index.js';
import { navigate } from '../router/hash-router.js';
import '../styles/registers.css';

export type RegistersAction = 'open-register' | 'open-demo' | 'recent-registers';
const EVENT = 'samooh:registers';

/** Asks the header's Registers control to act (used by the Electron File menu). */
export function registersMenuEvent(action: RegistersAction): void {
  window.dispatchEvent(new CustomEvent<RegistersAction>(EVENT, { detail: action }));
}

type Recent = Res<'app.recentRegisters'>['registers'];

export function RegistersButton() {
  const { t, i18n } = useTranslation(['registers', 'common']);
  const { status, reload } = useAppStatus();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<Recent | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const lang = currentLanguage(i18n);
  const openButton = useRef<HTMLButtonElement>(null);
  // After a refusal, focus goes back into the dialog (the buttons were disabled while it worked),
  // so Tab and Esc keep working.
  useEffect(() => {
    if (open && error && !busy) openButton.current?.focus();
  }, [open, error, busy]);

  const show = useCallback(() => {
    setError(null);
    setOpen(true);
    call('app.recentRegisters', {}).then(
      (r) => setRecent(r.registers),
      (err: unknown) => setError(toErrorData(err)),
    );
  }, []);

  const switched = useCallback(
    (district: { name: string; nameHi?: string | null }) => {
      setOpen(false);
      navigate('/dashboard', undefined, { replace: true });
      invalidate();
      reload();
      toast({ message: t('switched', { name: lang === 'hi' && district.nameHi ? district.nameHi : district.name }) });
    },
    [lang, reload, t, toast],
  );

  const run = useCallback(
    async (work: () => Promise<{ district: { name: string; nameHi?: string | null } } | null>) => {
      setBusy(true);
      setError(null);
      try {
        const r = await work();
        if (r) switched(r.district);
      } catch (err) {
        // A refusal (HQ file, not a register, file gone) shows in the dialog; nothing changed.
        setOpen(true);
        setError(toErrorData(err));
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [switched],
  );

  const openFile = useCallback(
    () =>
      run(async () => {
        const { path } = await call('dialog.openRegister', {});
        return path ? call('app.openRegister', { path }) : null;
      }),
    [run],
  );
  const recentName = (r: Recent[number]) =>
    r.district ? (lang === 'hi' && r.district.nameHi ? r.district.nameHi : r.district.name) : r.name;
  const openPath = (path: string) => run(() => call('app.openRegister', { path }));
  const openDemo = useCallback(
    () => run(() => call('app.openDemo', {}, { onProgress: (p) => setProgress({ done: p.done, total: p.total }) })),
    [run],
  );

  useEffect(() => {
    const onEvent = (e: Event) => {
      const action = (e as CustomEvent<RegistersAction>).detail;
      if (action === 'open-register') void openFile();
      else if (action === 'open-demo') void openDemo();
      else show();
    };
    window.addEventListener(EVENT, onEvent);
    return () => window.removeEventListener(EVENT, onEvent);
  }, [openDemo, openFile, show]);

  return (
    <>
      <button type="button" className="btn btn--ghost btn--small" onClick={show} aria-haspopup="dialog">
        {t('button')}
      </button>
      {open ? (
        <Modal
          title={t('title')}
          onClose={() => setOpen(false)}
          size="medium"
          busy={busy}
          closeOnBackdrop={!busy}
          footer={
            <button type="button" className="btn" onClick={() => setOpen(false)} disabled={busy}>
              {t('common:actions.close')}
            </button>
          }
        >
          <p className="muted">{t('intro')}</p>
          {status.registerFile ? (
            <p className="muted registers__current">{t('current', { file: status.registerFile })}</p>
          ) : null}
          {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
          <div className="registers__actions">
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void (busy ? null : openFile())}
              aria-disabled={busy}
              data-autofocus
            >
              {t('openFile')}
            </button>
            <button type="button" className="btn" onClick={() => void (busy ? null : openDemo())} aria-disabled={busy}>
              {t('openDemo')}
            </button>
          </div>
          {progress ? <ProgressBar label={t('demoFilling')} done={progress.done} total={progress.total} /> : null}
          <h3 className="registers__recent-title">{t('recentTitle')}</h3>
          {recent && recent.length === 0 ? <p className="muted">{t('recentEmpty')}</p> : null}
          {recent && recent.length > 0 ? (
            <ul className="registers__recent" aria-label={t('recentTitle')}>
              {recent.map((r) => (
                <li key={r.file}>
                  <button
                    type="button"
                    className="btn btn--ghost registers__recent-item"
                    onClick={() => void openPath(r.file)}
                    disabled={busy || r.current || !r.exists}
                    aria-label={t('recentOpen', { name: recentName(r) })}
                    title={r.file}
                  >
                    <span className="registers__name">{recentName(r)}</span>
                    <span className="muted registers__path">{r.file}</span>
                    {r.current ? <span className="badge">{t('isOpen')}</span> : null}
                    {!r.exists ? <span className="badge badge--missing">{t('missing')}</span> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </Modal>
      ) : null}
    </>
  );
}
