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

/** File sizes for people: 842 B, 12.4 KB, 3.1 MB (1 KB = 1024 bytes, as Windows shows them). */
export function formatBytes(bytes: number, lang: Language = 'en'): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${formatter(lang, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} ${units[i]}`;
}
