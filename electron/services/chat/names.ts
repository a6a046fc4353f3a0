// People as WhatsApp prints them → the names reconciliation compares (SPEC §6): bidi controls
// removed, the non-contact mark "~ " dropped, U+00A0/U+202F as plain spaces, phone numbers in
// E.164 through the register's own normaliser (Indian by default, foreign ones need their +),
// and the exporting user ("You", "Du", "आप" …) as "You".
import { normalisePhoneText } from '../../contract/values/phone.js';

// Bidi marks, embeddings, overrides and isolates, and U+FEFF. WhatsApp wraps names and numbers
// in them (U+202A…U+202C around numbers, U+2068/U+2069 around names, U+200E before lines).
export const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Bidi controls and U+FEFF removed; nothing else touched (group names keep their spaces). */
export function withoutBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * A name as printed: bidi controls removed, the leading non-contact mark ("~" + U+202F or
 * space) dropped once, U+00A0/U+202F and runs of spaces as one plain space, trimmed.
 */
export function cleanName(raw: string): string {
  let s = withoutBidi(raw)
    .replace(/^[ \u00a0\u202f]+/, '')
    .replace(/^~[ \u00a0\u202f]/, '');
  s = s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  return s;
}

// A phone number as WhatsApp prints it: +, digits (ASCII or Devanagari) grouped by spaces,
// hyphens (U+2010, U+2011 too), dots or brackets.
const PHONE_SHAPE = /^\+?[0-9\u0966-\u096f][0-9\u0966-\u096f ()\-\u2010\u2011.]*$/;

/** E.164 for a cleaned name that is a phone number, or null. */
export function phoneOf(name: string): string | null {
  if (!PHONE_SHAPE.test(name)) return null;
  const plain = name.replace(/[\u2010\u2011]/g, '-');
  const digits = plain.replace(/[^0-9\u0966-\u096f]/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  const r = normalisePhoneText(plain);
  if (r.ok) return r.e164;
  // Not a mobile the register could hold (a landline, a foreign number the library doubts):
  // WhatsApp printed it with its country code, so its digits are still its E.164 form.
  if (plain.startsWith('+') && digits.length >= 8) {
    return '+' + digits.replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966));
  }
  return null;
}

/**
 * Maps raw printed names to the names reconciliation compares, remembering each answer (an
 * export names the same few hundred people thousands of times).
 */
export class PersonNames {
  private readonly people = new Map<string, string>();
  private readonly authors = new Map<string, string>();
  private readonly youWords = new Map<string, Set<string>>();

  /** `you`: per UI language, the words that alone mean the exporting user. */
  constructor(you: Iterable<{ lang: string; you: readonly string[] }>) {
    for (const t of you) this.youWords.set(t.lang, new Set(t.you.map((w) => w.toLocaleLowerCase())));
  }

  /**
   * A person named by a WhatsApp line in UI language `lang`: "You" for the exporting user, E.164
   * for numbers, else the cleaned name.
   */
  person(raw: string, lang: string): string {
    const key = lang + ':' + raw;
    let v = this.people.get(key);
    if (v === undefined) {
      const name = cleanName(raw);
      v = this.youWords.get(lang)?.has(name.toLocaleLowerCase()) ? 'You' : (phoneOf(name) ?? name);
      this.people.set(key, v);
    }
    return v;
  }

  /** The author of a message as printed before ": " (E.164 for numbers, else the cleaned name). */
  author(raw: string): string {
    let v = this.authors.get(raw);
    if (v === undefined) {
      const name = cleanName(raw);
      v = phoneOf(name) ?? name;
      this.authors.set(raw, v);
    }
    return v;
  }
}
