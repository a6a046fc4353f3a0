// HQ's printable state report from a real HQ store: six generated districts export real signed
// bundles (one with a gap, one forked, one never sending), HQ imports them, and the report is
// printed to PDF by Debian's Chromium (the printer the CLI and the preview use; Electron's
// printToPDF in the app), then read back with poppler: figures with Indian grouping, IST dates,
// the Hindi words as text, the footer on every page. The HTML is also rendered at A4 width and
// screenshotted for a person to look at (SAMOOH_KEEP_PDF_PNG=dir keeps the images).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrintToPdf } from '../../../electron/harness/preview-platform.js';
import type { HqDb } from '../../../db/hq/connection.js';
import { importBundles } from '../../../electron/services/hq/import.js';
import { hqReport } from '../../../electron/services/hq/report.js';
import {
  SHORT_UNITS_SHOWN,
  renderStateReportHtml,
  type StateReportInput,
} from '../../../electron/services/hq/state-report-html.js';
import {
  stateReportHtml,
  stateReportInput,
  writeStateReportHtml,
  writeStateReportPdf,
} from '../../../electron/services/hq/state-report.js';
import { openHqStore } from '../../../electron/services/hq/store.js';
import { trustDistrictKey } from '../../../electron/services/hq/trust.js';
import { samooh } from '../../fixtures/cli.js';
import { actorAt, craftBundle, exportBundle, makeDistrict, makeHqStore, scratchDir } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const NOW = actorAt('2026-03-20T09:15:00Z'); // 20-03-2026 14:45 in India
const count = (v: number) => v.toLocaleString('en-IN');

let scratch: ReturnType<typeof scratchDir>;
let db: HqDb;
let hqFile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Debian chromium is needed: apt-get install -y chromium fonts-noto-core');
  scratch = scratchDir();
  const out = path.join(scratch.dir, 'usb');
  const held = path.join(scratch.dir, 'not-sent');
  mkdirSync(out);
  mkdirSync(held);
  hqFile = await makeHqStore(scratch.dir);
  db = openHqStore(hqFile);
  const codes = ['PAT', 'GAYA', 'BHAG', 'MUZ', 'DAR', 'SIW'];
  const hindi: Record<string, string> = { PAT: 'पटना', GAYA: 'गया', BHAG: 'भागलपुर' };
  for (const [i, code] of codes.entries()) {
    const d = await makeDistrict(scratch.dir, code, i + 1);
    trustDistrictKey(
      db,
      {
        district: code,
        publicKeyText: readFileSync(d.pubFile, 'utf8'),
        name: `District ${code}`,
        ...(hindi[code] ? { nameHi: hindi[code] } : {}),
      },
      actorAt('2026-02-01T00:00:00Z'),
    );
    if (code === 'SIW') {
      await d.db.close();
      continue; // trusted, never sent a bundle: silent
    }
    const first = await exportBundle(d, out, new Date('2026-03-01T10:00:00Z'));
    if (code === 'PAT') {
      // PAT's second bundle never arrives: the third is accepted with a gap.
      const second = await exportBundle(d, held, new Date('2026-03-08T10:00:00Z'));
      expect(second.sequence).toBe(2);
      await exportBundle(d, out, new Date('2026-03-15T10:00:00Z'));
    }
    if (code === 'GAYA') {
      // A different bundle at sequence 1 (an old backup restored): a fork.
      await craftBundle({
        key: d.key,
        report: { ...first.report, generatedAt: '2026-03-05T10:00:00.000Z' },
        sequence: 1,
        previousTagmanifestSha256: '0'.repeat(64),
        baggingDate: '2026-03-05',
        folder: out,
      });
    }
    await d.db.close();
  }
  const r = await importBundles(db, [out], actorAt('2026-03-16T06:00:00Z'));
  expect(r.accepted).toHaveLength(6);
  expect(r.rejected.map((x) => [x.district, x.reason])).toEqual([['GAYA', 'fork']]);
}, 180_000);

afterAll(async () => {
  await db?.close();
  scratch?.remove();
});

function pdftotext(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

describe('HQ state report (PDF)', () => {
  it('prints the state totals against targets, the district table and short units, Hindi as text, footer on every page', async () => {
    const input = stateReportInput(db, NOW, { silentDays: 3 });
    const r = input.report;
    const s = r.state;
    expect(s.districtsReporting).toBe(5);
    expect(s.districtsTrusted).toBe(6);

    const html = renderStateReportHtml(input);
    // Dates as HQ reads them, in India time; never an ISO timestamp; Indian grouping of the target.
    expect(html).toContain('20-03-2026 14:45');
    expect(html).toContain('15-03-2026');
    expect(html).toContain('2,00,000');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);

    const file = path.join(scratch.dir, 'state report.pdf');
    const progress: string[] = [];
    const w = await writeStateReportPdf(
      db,
      file,
      chromiumPrintToPdf(CHROMIUM),
      {
        ...NOW,
        progress: (p) => progress.push(p.phase),
      },
      { silentDays: 3 },
    );
    expect(w).toMatchObject({ file, districts: 6, generatedAt: '2026-03-20T09:15:00.000Z' });
    expect(w.bytes).toBe(readFileSync(file).length);
    expect(progress).toEqual(['read', 'render', 'write', 'write']);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);

    const text = pdftotext(file);
    // The HQ, the time, the state totals against the targets.
    for (const word of [
      'Police HQ Bihar',
      '20-03-2026 14:45',
      '2,00,000',
      `${count(s.thanasCompliant)} / ${count(s.thanas)}`,
      `${count(s.compliant)} / ${count(s.units)}`,
      `${count(s.staffCovered)} / ${count(s.staffTotal)}`,
      `${count(s.womenStaffInWomenGroup)} / ${count(s.womenStaffTotal)}`,
      `${count(s.districtsReporting)} / ${count(s.districtsTrusted)}`,
    ])
      expect(text).toContain(word);
    expect(text).toMatch(new RegExp(`Members \\(citizens\\)[\\s\\S]*?${count(s.citizens)}`));
    // Every district with its latest sequence, date, share compliant and members.
    for (const d of r.districts) {
      expect(text).toContain(d.code);
      if (d.latestSequence === null) continue;
      const row = text.split('\n').find((l) => new RegExp(`^\\s*${d.code}\\s`).test(l))!;
      expect(row, d.code).toBeDefined();
      expect(row).toContain(`${d.percentCompliant!.toFixed(1)} %`);
      expect(row).toContain(formatDmy(d.latestBaggingDate!));
      expect(row).toContain(count(d.summary!.citizens));
    }
    const pat = r.districts.find((d) => d.code === 'PAT')!;
    expect(pat).toMatchObject({ latestSequence: 3, gaps: [2] });
    expect(text).toMatch(/PAT\s[^\n]*\s3\s[^\n]*15-03-2026/);
    expect(r.districts.find((d) => d.code === 'GAYA')!.forked).toBe(true);
    expect(r.districts.find((d) => d.code === 'SIW')).toMatchObject({ latestSequence: null, silent: true });
    // The short units each district's bundle carried.
    const shortCodes = [...input.shortUnits.values()].flat().map((u) => u.code);
    expect(shortCodes.length).toBeGreaterThan(0);
    expect(shortCodes.length).toBeLessThan(SHORT_UNITS_SHOWN);
    for (const code of shortCodes) expect(text).toContain(code);
    // Hindi survives shaping and extraction (words without a pre-base matra, which pdftotext
    // may give in visual order): the headings, district names, the footer.
    for (const word of ['राज्य', 'अनुपालन', 'लक्ष्य', 'सदस्य', 'पटना', 'भागलपुर', 'पुलिस मुख्यालय', 'पृष्ठ', 'कमी'])
      expect(text).toContain(word);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
      /SamoohNotoDevanagari|Noto ?Sans ?Devanagari/i,
    );

    // The footer on every page: the HQ, the time, page k of n.
    for (let k = 1; k <= pages; k++) {
      const page = pdftotext(file, k);
      expect(page).toMatch(new RegExp(`Page ${k} / ${pages}`));
      expect(page).toContain('Police HQ Bihar · 20-03-2026 14:45 IST');
    }

    const keep = process.env.SAMOOH_KEEP_PDF_PNG;
    execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(scratch.dir, 'state')]);
    if (keep) {
      copyFileSync(file, path.join(keep, 'hq-state-report.pdf'));
      for (let k = 1; k <= pages; k++) {
        const png = path.join(scratch.dir, `state-${k}.png`);
        if (existsSync(png)) copyFileSync(png, path.join(keep, `hq-state-report-page-${k}.png`));
      }
    }
  }, 120_000);

  it('renders the HTML at A4 width in Chromium (a screenshot to look at) and writes it as a file', async () => {
    const file = path.join(scratch.dir, 'state.html');
    const w = writeStateReportHtml(db, file, NOW, { silentDays: 3 });
    expect(w.bytes).toBeGreaterThan(10_000);
    const html = readFileSync(file, 'utf8');
    expect(html).toBe(stateReportHtml(db, NOW, { silentDays: 3 }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      const requests: string[] = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => true));
      // The embedded face is what Devanagari is drawn with (not a system fallback).
      expect(await page.evaluate(() => document.fonts.check("12px 'Samooh Noto Devanagari'", 'राज्य'))).toBe(true);
      await page.emulateMedia({ media: 'print' });
      const png = await page.screenshot({ fullPage: true });
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(requests).toEqual([]);
      const keep = process.env.SAMOOH_KEEP_PDF_PNG;
      if (keep) writeFileSync(path.join(keep, 'hq-state-report-a4.png'), png);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('escapes hostile names in the page and in the page footer', () => {
    const input: StateReportInput = stateReportInput(db, NOW);
    const evil = '</style><script>alert(1)</script>"\\';
    const html = renderStateReportHtml({
      ...input,
      report: {
        ...input.report,
        hq: { name: evil, nameHi: null },
        districts: input.report.districts.map((d) => ({ ...d, name: evil })),
      },
    });
    expect(html).not.toContain('<script>');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('refuses a file it cannot write, leaving nothing behind', async () => {
    const file = path.join(scratch.dir, 'no-such-folder', 'state.pdf');
    const fakePdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 32)]);
    await expect(writeStateReportPdf(db, file, fakePdf, NOW)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      writeStateReportPdf(db, path.join(scratch.dir, 'x.pdf'), () => Buffer.from('<html>'), NOW),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(existsSync(path.join(scratch.dir, 'x.pdf'))).toBe(false);
    expect(hqReport(db, NOW).districts).toHaveLength(6);
  });
});

function formatDmy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

describe('samooh hq report --pdf/--html', () => {
  it('writes the PDF and the HTML, says so, and lists them in --json', () => {
    const pdf = path.join(scratch.dir, 'cli-state.pdf');
    const html = path.join(scratch.dir, 'cli-state.html');
    const r = samooh(['hq', 'report', '--db', hqFile, '--silent-days', '5', '--pdf', pdf, '--html', html]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote the state report (PDF, `);
    expect(r.stdout).toContain(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdftotext(pdf);
    expect(text).toContain('2,00,000');
    expect(text).toContain('Police HQ Bihar');
    expect(text).toContain('पटना');
    expect(readFileSync(html, 'utf8')).toContain('5 दिन से अधिक');

    const j = samooh(['hq', 'report', '--db', hqFile, '--html', html, '--json']);
    expect(j.status, j.stderr).toBe(0);
    const doc = j.json() as { state: { citizens: number }; files: { kind: string; file: string; bytes: number }[] };
    expect(doc.files).toEqual([{ kind: 'html', file: html, bytes: readFileSync(html).length }]);
    expect(doc.state.citizens).toBe(hqReport(db, NOW).state.citizens);
  }, 120_000);

  it('refuses bad report files and a missing Chromium with exit 2 and a message, writing nothing', () => {
    const missingFolder = samooh(['hq', 'report', '--db', hqFile, '--pdf', path.join(scratch.dir, 'nope', 'x.pdf')]);
    expect(missingFolder.status).toBe(2);
    expect(missingFolder.stderr).toMatch(/--pdf: no folder/);
    const notPdf = samooh(['hq', 'report', '--db', hqFile, '--pdf', path.join(scratch.dir, 'state.txt')]);
    expect(notPdf.status).toBe(2);
    expect(notPdf.stderr).toMatch(/must end in \.pdf/);
    mkdirSync(path.join(scratch.dir, 'a-folder.pdf'));
    const dir = samooh(['hq', 'report', '--db', hqFile, '--pdf', path.join(scratch.dir, 'a-folder.pdf')]);
    expect(dir.status).toBe(2);
    expect(dir.stderr).toMatch(/is not a regular file/);
    const out = path.join(scratch.dir, 'no-chromium.pdf');
    const noChromium = samooh(['hq', 'report', '--db', hqFile, '--pdf', out], {
      SAMOOH_CHROMIUM: path.join(scratch.dir, 'no-such-chromium'),
    });
    expect(noChromium.status).toBe(2);
    expect(noChromium.stderr).toMatch(/needs Chromium/);
    expect(existsSync(out)).toBe(false);
    const notHq = samooh(['hq', 'report', '--db', path.join(scratch.dir, 'PAT.sqlite'), '--pdf', out]);
    expect(notHq.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
