// Entry point: fonts and styles, translations, the providers every page relies on, the app.
import './zod-config.js';
import '@fontsource/noto-sans-devanagari/400.css';
import '@fontsource/noto-sans-devanagari/600.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.js';
import { ConfirmProvider } from './components/ConfirmDialog.js';
import { ToastProvider } from './components/Toast.js';
import { createI18n } from './i18n/index.js';

const i18n = createI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ToastProvider>
        <ConfirmProvider>
          <App />
        </ConfirmProvider>
      </ToastProvider>
    </I18nextProvider>
  </StrictMode>,
);
