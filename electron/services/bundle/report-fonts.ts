// Noto Sans Devanagari, embedded in report.html as base64 WOFF2 so Hindi is shaped and shown
// the same on every PC (old Windows installs lack a good Devanagari font) and in the PDF,
// without the report ever fetching anything. Read once from @fontsource's files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface EmbeddedFont {
  weight: 400 | 700;
  subset: 'devanagari' | 'latin';
  unicodeRange: string;
  base64: string;
}

const RANGES = {
  devanagari: 'U+0900-097F,U+1CD0-1CF9,U+200C-200D,U+20A8,U+20B9,U+20F0,U+25CC,U+A830-A839,U+A8E0-A8FF',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
} as const;

let cache: EmbeddedFont[] | undefined;

/**
 * The four faces (Devanagari and Latin, regular and bold). Empty when the font package is not
 * installed next to the program: the report then falls back to the system's fonts (Nirmala UI
 * on Windows 10+) rather than refusing to write a bundle.
 */
export function reportFonts(): EmbeddedFont[] {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const out: EmbeddedFont[] = [];
  try {
    for (const weight of [400, 700] as const) {
      for (const subset of ['devanagari', 'latin'] as const) {
        const file = require.resolve(
          `@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-${subset}-${weight}-normal.woff2`,
        );
        out.push({ weight, subset, unicodeRange: RANGES[subset], base64: readFileSync(file).toString('base64') });
      }
    }
  } catch {
    cache = [];
    return cache;
  }
  cache = out;
  return cache;
}

export function fontFaceCss(): string {
  return reportFonts()
    .map(
      (f) =>
        `@font-face{font-family:'Samooh Noto Devanagari';font-style:normal;font-weight:${f.weight};` +
        `src:url(data:font/woff2;base64,${f.base64}) format('woff2');unicode-range:${f.unicodeRange};}`,
    )
    .join('\n');
}
