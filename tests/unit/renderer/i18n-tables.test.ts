// The compiler checks that Hindi has every English key; this checks what it cannot: no empty
// translations, the same {{placeholders}} in both languages, and Devanagari in the Hindi text.
import { describe, expect, it } from 'vitest';
import { namespaces } from '../../../renderer/i18n/index.js';

type Table = { [k: string]: string | Table };

function flatten(t: Table, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) =>
  [...s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[0].replace(/\s+/g, '')).sort();

describe('translation tables', () => {
  for (const [name, ns] of Object.entries(namespaces)) {
    it(`${name}: same keys and placeholders in English and Hindi`, () => {
      const en = flatten(ns.en as Table);
      const hi = flatten(ns.hi as Table);
      expect([...hi.keys()].sort()).toEqual([...en.keys()].sort());
      let devanagari = 0;
      for (const [key, e] of en) {
        const h = hi.get(key)!;
        expect(e.trim(), `${name}:${key} (en)`).not.toBe('');
        expect(h.trim(), `${name}:${key} (hi)`).not.toBe('');
        expect(placeholders(h), `${name}:${key}`).toEqual(placeholders(e));
        if (/[\u0900-\u097F]/.test(h)) devanagari++;
      }
      // Almost everything is really translated (codes, "—" and "English" may stay Latin).
      expect(devanagari / en.size).toBeGreaterThan(0.8);
    });
  }
});
