// Renders a component the way the app does: a fresh i18n instance (English unless asked) and
// the toast and confirm providers.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ConfirmProvider } from '../../../renderer/components/ConfirmDialog.js';
import { ToastProvider } from '../../../renderer/components/Toast.js';
import { createI18n, type Language } from '../../../renderer/i18n/index.js';

export function renderWithApp(ui: ReactElement, opts: { lang?: Language } = {}) {
  const i18n = createI18n(opts.lang ?? 'en');
  const root =
    document.getElementById('root') ??
    document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
  const wrap = (el: ReactElement) => (
    <I18nextProvider i18n={i18n}>
      <ToastProvider>
        <ConfirmProvider>{el}</ConfirmProvider>
      </ToastProvider>
    </I18nextProvider>
  );
  const result = render(wrap(ui), { container: root });
  // A re-render keeps the providers, as the app's route change does.
  return { ...result, rerender: (el: ReactElement) => result.rerender(wrap(el)), i18n };
}
