// The app's root: asks the backend whether a register is open (`app.status`) and shows either
// the first-run screen or the app shell with the routed page.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppStatusContext } from './app-status.js';
import { ErrorBanner } from './components/ErrorBanner.js';
import { call } from './data/call.js';
import { useQuery } from './data/use-query.js';
import { FirstRunPage } from './pages/first-run/FirstRunPage.js';
import { HqApp } from './pages/hq/HqApp.js';
import { HOME, ROUTES } from './pages/routes.js';
import { NotFoundPage } from './pages/UnavailablePage.js';
import { matchRoute, navigate, useLocation } from './router/hash-router.js';
import { AppShell } from './shell/AppShell.js';
import { useWindowTitle } from './shell/window-title.js';
import { currentLanguage } from './i18n/index.js';
import { useMenuEvents } from './shell/menu-events.js';

function RoutedPage() {
  const { path, query } = useLocation();
  if (path === '/') {
    navigate(HOME, undefined, { replace: true });
    return null;
  }
  const m = matchRoute(ROUTES, path);
  return m ? <>{m.route.render({ params: m.params, query })}</> : <NotFoundPage path={path} />;
}

export function App() {
  const { t, i18n } = useTranslation();
  useMenuEvents(i18n);
  const status = useQuery(() => call('app.status', {}), []);
  // HQ mode (SPEC §8): an HQ store held by the app takes the whole window.
  const hq = useQuery(() => call('hq.status', {}), []);
  useWindowTitle(status.data, currentLanguage(i18n));
  const { path } = useLocation();
  const ctx = useMemo(
    () => (status.data ? { status: status.data, reload: status.reload } : null),
    [status.data, status.reload],
  );

  if (!ctx) {
    return (
      <div className="splash">
        {status.error ? (
          <ErrorBanner error={status.error} onRetry={status.reload} />
        ) : (
          <p className="splash__text" role="status">
            {t('state.loading')}
          </p>
        )}
      </div>
    );
  }

  return (
    <AppStatusContext.Provider value={ctx}>
      {hq.data?.open ? (
        <HqApp hq={hq.data} onLeft={status.reload} />
      ) : ctx.status.hasRegister ? (
        <AppShell district={ctx.status.district} path={path}>
          <RoutedPage />
        </AppShell>
      ) : (
        <FirstRunPage />
      )}
    </AppStatusContext.Provider>
  );
}
