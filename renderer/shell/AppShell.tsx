// The frame around every page once a register is open: left navigation, a header with the
// district and the language switch, and the page in <main>. Focus moves to the page heading on
// navigation so keyboard and screen-reader users land on the new content.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal.js';
import { currentLanguage } from '../i18n/index.js';
import { Link } from '../router/hash-router.js';
import { GlobalSearch, GlobalSearchButton, useGlobalSearchShortcut } from './GlobalSearch.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NAV_ITEMS, navItemFor } from './nav-items.js';
import { OperatorControl } from './OperatorControl.js';
import { RegistersButton } from './RegistersMenu.js';
import { SHORTCUTS, useGlobalShortcuts } from './shortcuts.js';

export interface DistrictInfo {
  code: string;
  name: string;
  nameHi?: string | null;
}

interface AppShellProps {
  district: DistrictInfo | null;
  path: string;
  children: ReactNode;
}

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      title={t('shortcuts.title')}
      onClose={onClose}
      size="small"
      closeOnBackdrop
      footer={
        <>
          <Link to="/help" className="btn" onClick={onClose}>
            {t('shortcuts.manual')} (F1)
          </Link>
          <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus>
            {t('actions.close')}
          </button>
        </>
      }
    >
      <dl className="shortcuts">
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="shortcuts__row">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{t(`shortcuts.${s.what}`)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}

export function AppShell({ district, path, children }: AppShellProps) {
  const { t, i18n } = useTranslation();
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useGlobalShortcuts(i18n, openHelp);
  const [searching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);
  useGlobalSearchShortcut(openSearch);
  const active = navItemFor(path);
  const main = useRef<HTMLElement>(null);
  const lang = currentLanguage(i18n);
  const districtName = district ? (lang === 'hi' && district.nameHi ? district.nameHi : district.name) : '';

  const firstPath = useRef(true);
  useEffect(() => {
    // After navigation, put focus on the new page's heading, so keyboard and screen-reader users
    // start at the top of the new page — also when focus was inside the old page (that element
    // is gone by now). Not on first render: the app starts there anyway.
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    const h = main.current?.querySelector<HTMLElement>('h1');
    const target = h ?? main.current;
    if (target) {
      if (h) h.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
    main.current?.scrollTo?.({ top: 0 });
  }, [path]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('skipToContent')}
      </a>
      <header className="app__header">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true">
            स
          </span>
          <span className="brand__name">{t('appName')}</span>
        </div>
        {district ? (
          <div className="app__district" title={district.code}>
            {t('districtLabel', { name: districtName })}
            <span className="app__district-code">{district.code}</span>
          </div>
        ) : null}
        <div className="app__header-tools">
          <OperatorControl />
          <RegistersButton />
          <GlobalSearchButton onOpen={openSearch} />
          <button type="button" className="btn btn--ghost btn--small" onClick={openHelp} aria-keyshortcuts="?">
            {t('shortcuts.open')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      {searching ? <GlobalSearch onClose={() => setSearching(false)} /> : null}
      <nav className="app__nav" aria-label={t('nav.label')}>
        <ul>
          {NAV_ITEMS.map((item) => (
            <li key={item.key}>
              <Link
                to={item.path}
                className={item === active ? 'nav-link is-active' : 'nav-link'}
                aria-current={item === active ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${item.shortcut}`}
              >
                <span className="nav-link__icon" aria-hidden="true">
                  {item.icon}
                </span>
                <span className="nav-link__label">{t(`nav.${item.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app__main" id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
