// The report printed to PDF by real Chromium (Debian's, through Playwright's page.pdf — what
// Electron's printToPDF is in the app), with network access blocked, then read back with
// poppler: the Hindi text is there as text (shaped by the embedded font, extractable), and one
// page is rendered to PNG for a person to look at.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportPdf } from '../../../electron/services/bundle/report-pdf.js';
import { renderReportHtml } from '../../../electron/services/bundle/report-html.js';
import { tempDir } from '../../fixtures/temp.js';
import { sampleReport } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error('Debian chromium is needed: apt-get install -y chromium fonts-noto-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** What the app passes as printToPdf, built on Chromium instead of Electron. */
async function chromiumPrintToPdf(html: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await page.close();
  }
}

describe('report PDF', () => {
  it('prints the bilingual report with Hindi as real text and no network requests', async () => {
    const report = {
      ...sampleReport({ code: 'PAT', name: 'Patna', nameHi: 'पटना' }, { units: 40 }),
      generatedAt: '2026-12-02T04:52:13.957Z',
    };
    const html = renderReportHtml(report, {
      bagName: 'samooh-PAT-20260105-1',
      sequence: 1,
      keyId: 'B6E78845F7CFFD0A',
      baggingDate: '2026-01-05',
      withMembers: false,
      auditHead: { count: 42, hash: 'ab'.repeat(32) },
      previousTagmanifestSha256: null,
      bundleUuid: '2b0e5c1e-4c1a-4e8e-9a57-5d2d8f1f7a10',
      uncoveredOfficers: [
        {
          serviceNo: 'S-1',
          name: 'Sunita Kumari',
          rankEn: 'Sub-Inspector',
          rankHi: 'अवर निरीक्षक',
          unitCode: 'PAT-T-07',
          unitName: 'Kotwali',
          unitNameHi: 'कोतवाली',
        },
      ],
    });
    // Dates as a clerk reads them, in India time; never an ISO timestamp.
    expect(html).toContain('05-01-2026');
    expect(html).toContain('02-12-2026 10:22');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const dir = tempDir();
    const file = path.join(dir, 'report.pdf');
    const r = await writeReportPdf(file, html, chromiumPrintToPdf);
    expect(r.bytes).toBeGreaterThan(10_000);
    expect(requests).toEqual([]);

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('B6E78845F7CFFD0A');
    // Conjuncts and matras survive shaping and extraction: पटना, व्हाट्सऐप, अनुपालन, प्रत्येक.
    // The uncovered officer by name, rank and posting; the one without details by number.
    for (const word of ['Sunita Kumari', 'Sub-Inspector', 'Kotwali', 'PAT-T-07', '02-12-2026 10:22', 'S-2'])
      expect(text).toContain(word);
    for (const word of ['पटना', 'अनुपालन', 'रिपोर्ट', 'सारांश', 'नियम', 'इकाइयाँ']) expect(text).toContain(word);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/SamoohNotoDevanagari|Noto ?Sans ?Devanagari/i);

    // One page as PNG, kept for a person to look at (SAMOOH_KEEP_PDF_PNG=dir copies it there).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const png = readFileSync(path.join(dir, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const keep = process.env.SAMOOH_KEEP_PDF_PNG;
    if (keep) {
      writeFileSync(path.join(keep, 'report-page-1.png'), png);
      writeFileSync(path.join(keep, 'report.pdf'), readFileSync(file));
    }
  }, 60_000);
});
