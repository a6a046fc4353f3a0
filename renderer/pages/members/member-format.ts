// Small display rules shared by the members, person and staff screens.
import { useTranslation } from 'react-i18next';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';

/** `+919835012345` → `+91 98350 12345` (how a number is read out on the phone). */
export function formatPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const m = /^\+91(\d{5})(\d{5})$/.exec(e164);
  return m ? `+91 ${m[1]} ${m[2]}` : e164;
}

/** An erased citizen keeps a neutral placeholder name (`erased-<id>`) and no phone. */
export function isErasedName(name: string): boolean {
  return /^erased-\d+$/.test(name);
}

/** Collapses runs of white space and trims; empty → null (what the API stores for "not given"). */
export function cleanText(s: string): string | null {
  const v = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return v === '' ? null : v;
}

/**
 * The backend's messages are English; the ones a clerk meets while typing (phone and date
 * reasons) are translated here through the members namespace's `server` table, keeping the
 * error's code, details and field so the form still puts it beside the right input.
 */
export function useServerMessages(): (err: unknown) => ApiErrorData {
  const { t } = useTranslation('members');
  const table = t('server', { returnObjects: true }) as unknown as Record<string, string>;
  const tr = (m: string) => table[m] ?? m;
  return (err) => {
    const data = toErrorData(err);
    const details = data.details as
      { issues?: { path?: unknown; message?: unknown; params?: { reason?: unknown } }[] } | undefined;
    // Issues carry the normaliser's reason code (BAD_PHONE, FUTURE_DATE …): translate by code.
    const issues = Array.isArray(details?.issues)
      ? details.issues.map((i) =>
          typeof i.params?.reason === 'string' && table[i.params.reason]
            ? { ...i, message: table[i.params.reason], translated: true }
            : typeof i.message === 'string' && table[i.message]
              ? { ...i, message: tr(i.message), translated: true }
              : i,
        )
      : undefined;
    const single =
      issues?.length === 1 && typeof issues[0]!.message === 'string' ? (issues[0]!.message as string) : null;
    return {
      ...data,
      message: single ?? tr(data.message),
      ...(details && issues ? { details: { ...details, issues } } : {}),
    };
  };
}
