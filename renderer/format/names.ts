// Units and districts have an English and (optionally) a Hindi name; show the one that fits
// the language on screen, falling back to English.
import type { Language } from '../i18n/index.js';

export function localName(x: { name: string; nameHi?: string | null }, lang: Language): string {
  return lang === 'hi' && x.nameHi ? x.nameHi : x.name;
}
