// HQ mode (SPEC §8): when the app holds an HQ store, its own shell with the HQ sections (the
// dashboard, importing bundles, trusted districts) instead of the district navigation.
// Bundles and folders dropped anywhere on the window are imported (the import page shows it).
import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/ConfirmDialog.js';
import { call } from '../../data/call.js';
import { invalidate } from '../../data/use-query.js';
import { currentLanguage } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../router/hash-router.js';
import { LanguageSwitch } from '../../shell/LanguageSwitch.js';
import { HqDashboardPage } from './HqDashboardPage.js';
import { HqImportPage } from './HqImportPage.js';
import { HqTrustPage } from './HqTrustPage.js';
import { useOpenHqDatabase } from './use-open-hq.js';
import { dragHasFiles, droppedItems, importDropped, setDragging, useImportRun } from './hq-import-run.js';
import '../../styles/hq.css';

const SECTIONS = [
  { key: 'dashboard', path: '/hq', icon: '▦' },
  { key: 'import', path: '/hq/import', icon: '⇩' },
  { key: 'trust', path: '/hq/trust', icon: '⚿' },
] as const;

export function HqApp({ hq, onLeft }: { hq: { name: string; nameHi: string | null }; onLeft: () => void }) {
  const { t, i18n } = useTranslation(['hq', 'common']);
  const confirm = useConfirm();
  const main = useRef<HTMLElement>(null);
  const { path } = useLocation();
  const active = SECTIONS.find((s) => s.path === path) ?? SECTIONS[0];
  const name = currentLanguage(i18n) === 'hi' && hq.nameHi ? hq.nameHi : hq.name;
  const { dragging, busy } = useImportRun();
  useWindowDrop(busy, active.key === 'import');

  const another = useOpenHqDatabase();

  const leave = async () => {
    if (!(await confirm({ title: t('app.leave'), body: t('app.leaveConfirm'), confirmLabel: t('app.leave') }))) return;
    await call('hq.close', {});
    navigate('/', undefined, { replace: true });
    invalidate();
    onLeft();
  };

  let page: ReactNode;
  if (active.key === 'import') page = <HqImportPage />;
  else if (active.key === 'trust') page = <HqTrustPage />;
  else page = <HqDashboardPage />;

  return (
    <div className="app">
      <header className="app__header">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            स
          </span>
          <span className="brand__name">{t('common:appName')}</span>
        </div>
        <div className="app__district">{t('app.modeLabel', { name })}</div>
        <div className="app__header-tools">
          <button type="button" className="btn btn--ghost btn--small" onClick={another.open} disabled={another.opening}>
            {t('app.openAnother')}
          </button>
          <button type="button" className="btn btn--ghost btn--small" onClick={leave}>
            {t('app.leave')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <nav className="app__nav" aria-label={t('app.nav.label')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <Link
                to={s.path}
                className={s === active ? 'nav-link is-active' : 'nav-link'}
                aria-current={s === active ? 'page' : undefined}
              >
                <span className="nav-link__icon" aria-hidden="true">
                  {s.icon}
                </span>
                <span className="nav-link__label">{t(`app.nav.${s.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app__main" id="main" ref={main} tabIndex={-1}>
        <div className="page">
          {another.error ? <ErrorBanner error={another.error} onDismiss={another.clearError} /> : null}
          {page}
        </div>
      </main>
      {dragging && active.key !== 'import' ? (
        <div className="hq-drop-overlay" data-testid="hq-drop-overlay">
          <span className={busy ? 'hq-drop hq-drop--float is-busy' : 'hq-drop hq-drop--float is-dragging'}>
            <span className="hq-drop__title">{busy ? t('app.import.busyDrop') : t('app.import.dropAnywhere')}</span>
          </span>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Files dragged over any part of the HQ window: the drop zone lights up, and a drop imports
 * them (on the import page, where progress and the result show). Also keeps the browser from
 * opening a dropped file in place of the app. Drags of text or links are left alone.
 */
function useWindowDrop(busy: boolean, onImportPage: boolean): void {
  const now = useRef({ busy, onImportPage });
  now.current = { busy, onImportPage };
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = now.current.busy ? 'none' : 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (now.current.busy) return;
      const items = droppedItems(e.dataTransfer);
      if (items.length === 0) return;
      if (!now.current.onImportPage) navigate('/hq/import');
      void importDropped(items);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      setDragging(false);
    };
  }, []);
}
