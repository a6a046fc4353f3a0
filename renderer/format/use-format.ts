// Formatters bound to the language on screen, so a page re-renders its figures on a switch.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.js';
import { formatDate, formatDateTime } from './dates.js';
import { formatBytes, formatNumber, formatPercent } from './numbers.js';

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return useMemo(
    () => ({
      lang,
      date: formatDate,
      dateTime: formatDateTime,
      number: (n: number | null | undefined) => formatNumber(n, lang),
      percent: (p: number | null | undefined, digits?: number) => formatPercent(p, lang, digits),
      bytes: (n: number) => formatBytes(n, lang),
    }),
    [lang],
  );
}
