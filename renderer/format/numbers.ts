// Numbers use Indian digit grouping (1,30,000) in both languages. Hindi keeps Latin digits:
// clerks copy figures into Excel and letters, where Devanagari digits cause trouble.
import type { Language } from '../i18n/index.js';

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Language, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'hi' ? 'hi-IN-u-nu-latn' : 'en-IN', opts);
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(n: number | null | undefined, lang: Language = 'en'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '';
  return formatter(lang, { maximumFractionDigits: 0 }).format(n);
}

/** `percent` is 0–100 (as the compliance report gives it). */
export function formatPercent(percent: number | null | undefined, lang: Language = 'en', digits = 1): string {
  if (percent === null || percent === undefined || Number.isNaN(percent)) return '';
  return formatter(lang, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(
    percent / 100,
  );
}

/** covered / total as a percentage 0–100; 100 when there is nothing to cover. */
export function share(part: number, total: number): number {
  return total === 0 ? 100 : (part / total) * 100;
}
