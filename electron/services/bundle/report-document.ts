// What every printed Samooh report shares — the district's data/report.html and HQ's state
// report: escaping, Indian number grouping, the bilingual label, and the self-contained page
// (CSP that forbids every fetch, the Devanagari font embedded, A4 print styles). One copy, so the
// two reports cannot drift in how they shape Hindi or what they are allowed to load.
import { fontFaceCss } from './report-fonts.js';

/** Nothing a report loads: inline styles, data: fonts and images (the print window's policy too). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

export const REPORT_FONT_STACK =
  "'Samooh Noto Devanagari', 'Nirmala UI', 'Mangal', 'Noto Sans Devanagari', Arial, sans-serif";

/** Every string from a register or a bundle is hostile: all text goes through esc(). */
export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text as a CSS string literal (for `content:` in a page margin box): every character that is
 * not a letter, digit, space or plain punctuation is written as a hex escape, so nothing in it
 * can end the string, the rule or the <style> element.
 */
export function cssString(s: string): string {
  const body = [...s]
    .map((ch) =>
      /^[\p{L}\p{M}\p{N} .,:()\-–—·/]$/u.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`,
    )
    .join('');
  return `"${body}"`;
}

/** Indian digit grouping: 200000 → 2,00,000. */
export const count = (v: number) => v.toLocaleString('en-IN');

/** part of whole as `12.5 %`, or a dash when there is no whole. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '—');

/** Both languages side by side: Hindi first, as the district reads it. */
export const bi = (hi: string, en: string) =>
  `<span lang="hi">${esc(hi)}</span> <span class="en" lang="en">/ ${esc(en)}</span>`;

/** A unit's compliance status in both languages, with its colour in figures and badges. */
export const REPORT_STATUS: Record<'compliant' | 'short' | 'missing', { hi: string; en: string; color: string }> = {
  compliant: { hi: 'अनुपालित', en: 'compliant', color: '#2e7d32' },
  short: { hi: 'कमी', en: 'short', color: '#ef8f00' },
  missing: { hi: 'समूह नहीं', en: 'missing', color: '#c62828' },
};

export const REPORT_UNIT_TYPE: Record<string, { hi: string; en: string }> = {
  thana: { hi: 'थाना', en: 'Thana' },
  op: { hi: 'सहायक थाना / ओपी', en: 'OP' },
  district_centre: { hi: 'जिला पुलिस केंद्र', en: 'District centre' },
  division: { hi: 'प्रभाग', en: 'Division' },
  other: { hi: 'अन्य', en: 'Other' },
};

/** Styles both reports use: the page body, headings, tables, cards and number cells. */
export const REPORT_BASE_CSS = `* { box-sizing: border-box; }
body { font-family: ${REPORT_FONT_STACK};
  color: #111; margin: 0 auto; max-width: 190mm; font-size: 10.5pt; line-height: 1.45; padding: 8px; }
h1 { font-size: 17pt; margin: 0 0 2px; } h2 { font-size: 13pt; border-bottom: 2px solid #1565c0; margin-top: 18px; }
h3 { font-size: 11pt; margin: 6px 0 2px; } .en { color: #444; font-weight: normal; }
.meta { width: 100%; border-collapse: collapse; margin: 6px 0 8px; font-size: 9.5pt; }
.meta td { border: 1px solid #bbb; padding: 3px 6px; } .meta td:first-child { width: 34%; background: #f4f6fa; }
.cards { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.card { border: 1px solid #bbb; border-radius: 4px; padding: 5px 8px; min-width: 29%; flex: 1; break-inside: avoid; }
.card .v { font-size: 15pt; font-weight: bold; } .card .l { font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 6px 0; }
th, td { border: 1px solid #ccc; padding: 2px 4px; text-align: left; vertical-align: top; }
thead { display: table-header-group; } tr { break-inside: avoid; } th { background: #f4f6fa; }
.num { text-align: right; font-variant-numeric: tabular-nums; } .code { font-family: Consolas, 'DejaVu Sans Mono', monospace; font-size: 8pt; word-break: break-all; }
.small { font-size: 8pt; } .badge { color: #fff; padding: 0 4px; border-radius: 3px; white-space: nowrap; }
.none, .note { color: #555; margin: 2px 0; }
@media print { body { padding: 0; } h2 { break-after: avoid; } }`;

export interface ReportDocument {
  /** The window/PDF title. */
  title: string;
  /** The report's own styles, after the shared ones (its @page rule included). */
  css: string;
  body: string;
}

/** The whole self-contained page: CSP, embedded fonts, shared then own styles, the body. */
export function reportDocument(doc: ReportDocument): string {
  return `<!DOCTYPE html>
<html lang="hi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Samooh">
<title>${esc(doc.title)}</title>
<style>
${fontFaceCss()}
${REPORT_BASE_CSS}
${doc.css}
</style>
</head>
<body>
${doc.body}
</body>
</html>
`;
}
