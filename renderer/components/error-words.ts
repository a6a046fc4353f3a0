// An API error in the clerk's language: the reason the backend gave (a code and its values,
// contract/errors.ts) worded by i18n/errors.ts, else the translated headline of its code with
// the backend's English message (marked lang="en"), so no specifics are hidden while an error
// still lacks a reason code.
import { useTranslation } from 'react-i18next';
import { reasonOf } from '../../electron/contract/errors.js';
import type { ApiErrorData } from '../data/errors.js';

export interface ErrorWords {
  /** The code's headline ("This clashes with an existing record."). */
  headline: string;
  /** The specifics: the worded reason, or the backend's message. */
  detail: string | null;
  /** The language `detail` is in. */
  detailLang: string;
}

export function useErrorWords(): (error: ApiErrorData) => ErrorWords {
  const { t, i18n } = useTranslation('errors');
  const fieldLabel = (f: string) => (i18n.exists(`errors:field.${f}`) ? t(`field.${f}` as 'field.code') : `“${f}”`);
  return (error) => {
    const key = `code.${error.code}`;
    const headline = i18n.exists(`errors:${key}`) ? t(key as 'code.INTERNAL') : t('unknown');
    const reason = reasonOf(error.details);
    if (reason && i18n.exists(`errors:reason.${reason.reason}`)) {
      const params = { ...reason.params };
      // zod's refusals name fields by their program names: say them in the clerk's words.
      if (reason.reason === 'invalid_input' && typeof params.fields === 'string') {
        params.fields = params.fields
          .split(', ')
          .map((f) => fieldLabel(f.split('.')[0]!))
          .join(', ');
      }
      return {
        headline,
        detail: t(`reason.${reason.reason}`, { ...params, interpolation: { escapeValue: false } }),
        detailLang: i18n.language,
      };
    }
    return { headline, detail: error.message && error.message !== headline ? error.message : null, detailLang: 'en' };
  };
}
