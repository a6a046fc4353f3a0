// Print and export where the data is shown (issue #11), on the demo district, in both
// languages: each list's CSV/XLSX holds exactly the rows the screen's filter selects (counted
// against the backend), formula-safe; the printed page (Chromium's print of the print view, read
// back with pdftotext) carries the district, the list and dd-mm-yyyy on every page, Hindi as
// real text. Screenshots at 1366×768 of each screen with its buttons and of the print layout.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { parseCsv } from '../../electron/services/register-io/csv.js';
import { dismissToasts, openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

let s: Session;
let page: Page;
let shortThana = '';
let bigGroup = '';
let districtName = { en: '', hi: '' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  const status = await s.harness.call('app.status', {});
  districtName = { en: status.district!.code, hi: status.district!.code };
  const report = await s.harness.call('compliance.report', {});
  shortThana = report.units.find((u) => u.type === 'thana' && u.status === 'short')!.code;
  const groups = await s.harness.call('groups.list', {});
  bigGroup = [...groups].sort((a, b) => b.activeMembers - a.activeMembers)[0]!.code;
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  // The print dialog is the browser's; count the calls instead and print with page.pdf().
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
});

test.afterAll(async () => {
  await s?.close();
});

async function go(p: Page, route: string): Promise<void> {
  await p.evaluate((r) => (window.location.hash = r), route);
  await expect(p.locator('h1')).toBeVisible();
  await settle(p);
}

const LABELS = {
  en: { print: 'Print', csv: 'Export CSV', xlsx: 'Export Excel' },
  hi: { print: 'प्रिंट करें', csv: 'CSV निर्यात', xlsx: 'एक्सेल निर्यात' },
} as const;

/** Clicks an export button with the save dialog answered by `file`; waits for the toast. */
async function exportTo(p: Page, lang: 'en' | 'hi', kind: 'csv' | 'xlsx', file: string): Promise<void> {
  await dismissToasts(p);
  await s.harness.scriptDialogs([{ kind: 'saveFile', path: file }]);
  // The page header's buttons (a unit page has a second set for its members' list).
  await p.locator('.page-header').getByRole('button', { name: LABELS[lang][kind], exact: true }).click();
  await expect(p.locator('.toasts .toast').filter({ hasText: path.basename(file) })).toBeVisible();
}

function csvRecords(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  const out: string[][] = [];
  parseCsv(text.slice(1), (f) => out.push(f));
  return out;
}

/** Prints the list (print view + print media) to PDF and returns its text, page by page. */
async function printed(p: Page, lang: 'en' | 'hi', name: string, testInfo: TestInfo): Promise<string[]> {
  const before = await p.evaluate(() => (window as unknown as { printed: number }).printed);
  await p.locator('.page-header').getByRole('button', { name: LABELS[lang].print, exact: true }).click();
  await expect(p.getByTestId('print-view')).toBeAttached();
  await expect.poll(() => p.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(before + 1);
  await p.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(pdf, await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  // A picture of the first printed page for a person to look at.
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, testInfo.outputPath(name)]);
  const png = readdirPng(testInfo.outputPath(name));
  await testInfo.attach(`${name}-page1.png`, { path: png, contentType: 'image/png' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  // Leave print mode: the app clears the view after the browser's afterprint event.
  await p.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(p.getByTestId('print-view')).toHaveCount(0);
  return text.split('\f').filter((x) => x.trim());
}

function readdirPng(prefix: string): string {
  for (const suffix of ['-1.png', '-01.png', '-001.png']) {
    try {
      readFileSync(prefix + suffix);
      return prefix + suffix;
    } catch {
      // next form
    }
  }
  throw new Error(`no page image for ${prefix}`);
}

const DMY = /\b\d{2}-\d{2}-\d{4}\b/;

for (const lang of ['en', 'hi'] as const) {
  test(`lists print and export exactly what they show (${lang})`, async ({}, testInfo) => {
    test.setTimeout(180_000);
    await setLanguage(page, lang);
    // The district's code is on every page in both languages (its name follows the language).
    const district = districtName[lang];
    const report = await s.harness.call('compliance.report', {});

    await test.step('units, filtered to short', async () => {
      await go(page, '#/units?status=short');
      await shot(page, `lists-${lang}-units-short`, testInfo, 1);
      const file = path.join(s.dataDir, `units-short-${lang}.csv`);
      await exportTo(page, lang, 'csv', file);
      const recs = csvRecords(file);
      const expected = report.units
        .filter((u) => u.status === 'short')
        .map((u) => u.code)
        .sort();
      expect(recs.length - 1).toBe(expected.length);
      expect(
        recs
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual(expected);
      const pages = await printed(page, lang, `print-${lang}-units-short`, testInfo);
      for (const pg of pages) {
        expect(pg).toContain(district);
        expect(pg).toMatch(DMY);
      }
    });

    await test.step('units with no group, as Excel', async () => {
      await go(page, '#/units?status=missing');
      const file = path.join(s.dataDir, `units-missing-${lang}.xlsx`);
      await exportTo(page, lang, 'xlsx', file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      const expected = report.units.filter((u) => u.status === 'missing').length;
      expect(ws.rowCount - 1).toBe(expected);
    });

    await test.step('a unit page', async () => {
      await go(page, `#/units/${encodeURIComponent(shortThana)}`);
      const detail = await s.harness.call('units.get', { code: shortThana });
      const file = path.join(s.dataDir, `unit-${lang}.csv`);
      await exportTo(page, lang, 'csv', file);
      expect(csvRecords(file).length - 1).toBe(detail.groups.length);
      const pages = await printed(page, lang, `print-${lang}-unit`, testInfo);
      expect(pages[0]).toContain(shortThana);
    });

    await test.step("a group's members", async () => {
      await go(page, `#/members?group=${encodeURIComponent(bigGroup)}`);
      const total = (await s.harness.call('members.search', { groupCode: bigGroup, offset: 0, limit: 1 })).total;
      expect(total).toBeGreaterThan(100); // more than one page of the screen's list
      const file = path.join(s.dataDir, `members-${lang}.csv`);
      await exportTo(page, lang, 'csv', file);
      const recs = csvRecords(file);
      expect(recs.length - 1).toBe(total);
      // Phones are guarded against Excel's formula reading, and every cell is formula-safe.
      for (const r of recs.slice(1)) for (const c of r) expect(c).not.toMatch(/^[=+@-]/);
      const pages = await printed(page, lang, `print-${lang}-members`, testInfo);
      expect(pages.length).toBeGreaterThan(1);
      for (const pg of pages) {
        expect(pg).toContain(district);
        expect(pg).toContain(bigGroup);
        expect(pg).toMatch(DMY);
      }
    });

    await test.step('staff in no group: name, rank, posting, phone', async () => {
      await go(page, '#/staff?uncovered=1');
      await shot(page, `lists-${lang}-uncovered`, testInfo, 1);
      const list = await s.harness.call('staff.list', { uncovered: true, offset: 0, limit: 1000 });
      const file = path.join(s.dataDir, `uncovered-${lang}.xlsx`);
      await exportTo(page, lang, 'xlsx', file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.worksheets[0]!;
      expect(ws.rowCount - 1).toBe(list.total);
      if (list.total > 0) {
        const first = list.rows[0]!;
        const row = ws.getRow(2).values as unknown[];
        expect(row).toContain(first.serviceNo);
        expect(row).toContain(first.name);
        expect(row).toContain(lang === 'hi' ? first.rankHi : first.rankEn);
        expect(row).toContain(first.unitCode);
      }
      const pages = await printed(page, lang, `print-${lang}-uncovered`, testInfo);
      expect(pages[0]).toContain(district);
    });

    await test.step('dashboard', async () => {
      await go(page, '#/dashboard');
      await shot(page, `lists-${lang}-dashboard`, testInfo, 1);
      const pages = await printed(page, lang, `print-${lang}-dashboard`, testInfo);
      expect(pages[0]).toContain(district);
      expect(pages[0]).toContain('R1');
    });
  });
}
