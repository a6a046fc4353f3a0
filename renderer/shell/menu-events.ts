// The Electron menu (Language → English / हिंदी, File → …) reaches the page through the API
// client's `onMenu`. In the browser harness there is no menu and this never fires.
import { useEffect } from 'react';
import type { i18n as I18n } from 'i18next';
import { api, type MenuEvent } from '../api/index.js';
import { switchLanguage } from '../i18n/index.js';
import { navigate } from '../router/hash-router.js';
import { registersMenuEvent } from './RegistersMenu.js';

export function handleMenuEvent(i18n: I18n, event: MenuEvent): void {
  switch (event) {
    case 'language-en':
      void switchLanguage(i18n, 'en');
      break;
    case 'language-hi':
      void switchLanguage(i18n, 'hi');
      break;
    case 'open-workbook':
      navigate('/import', { step: 'choose' });
      break;
    case 'export-register':
      navigate('/import', { tab: 'export' });
      break;
    case 'open-register':
    case 'open-demo':
    case 'recent-registers':
      registersMenuEvent(event);
      break;
  }
}

export function useMenuEvents(i18n: I18n): void {
  useEffect(() => api.onMenu((event) => handleMenuEvent(i18n, event)), [i18n]);
}
