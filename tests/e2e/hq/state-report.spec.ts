// The HQ dashboard's "State report (PDF)" end to end: two districts made with the built CLI,
// HQ set up, their keys trusted and bundles imported through the screens; then the button asks
// where to save (the preview's file dialog, answered by the test), the backend prints the
// bilingual report with Chromium (Electron's printToPDF in the app), the file is a PDF with the
// figures and Hindi as text, and "Open the report" hands it to the OS viewer. Cancelling the
// dialog writes nothing. Screenshots at 1366×768 in English and Hindi.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { samoohJson } from '../../fixtures/cli.js';
import { answerPreviewDialog, openSession, setLanguage, settle, shot, type Session } from '../fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let dir: string;
const made: Record<string, { pub: string; citizens: number }> = {};

const samooh = (args: string[]): unknown => samoohJson(dir, args);

function district(code: string, name: string, nameHi: string, seed: string) {
  const db = path.join(dir, `${code}.sqlite`);
  samooh(['init', '--db', db, '--district', code, '--name', name, '--name-hi', nameHi]);
  samooh(['demo', '--db', db, '--seed', seed]);
  const out = path.join(dir, 'usb');
  mkdirSync(out, { recursive: true });
  const b = samooh(['bundle', 'export', '--db', db, '--out', out]) as { figures: { citizens: number } };
  const pub = path.join(dir, `${code}.pub`);
  samooh(['key', 'export', '--db', db, '--out', pub]);
  made[code] = { pub, citizens: b.figures.citizens };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  s = await openSession(browser);
  page = s.page;
  dir = path.join(s.dataDir, 'districts');
  mkdirSync(dir);
  district('PAT', 'Patna', 'पटना', '2019');
  district('GAY', 'Gaya', 'गया', '7');
});

test.afterAll(async () => {
  await s?.close();
});

const answerDialog = (file: string | null) => answerPreviewDialog(page, file);

const n = (x: number) => x.toLocaleString('en-IN');
const nav = () => page.getByRole('navigation', { name: 'HQ sections' });

test('HQ with two districts: the state report is saved as a PDF and opened', async ({}, testInfo) => {
  test.setTimeout(120_000);
  const card = page.getByRole('region', { name: 'This PC is at HQ' });
  await card.getByRole('textbox', { name: 'Name of HQ', exact: true }).fill('Police HQ Bihar');
  await card.getByRole('textbox', { name: 'Name of HQ in Hindi' }).fill('पुलिस मुख्यालय बिहार');
  await card.getByRole('button', { name: 'Set up HQ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HQ dashboard' })).toBeVisible();

  await nav().getByRole('link', { name: 'Trusted districts' }).click();
  for (const [code, name, nameHi] of [
    ['PAT', 'Patna', 'पटना'],
    ['GAY', 'Gaya', 'गया'],
  ] as const) {
    await page.getByRole('textbox', { name: 'District code' }).fill(code);
    await page.getByRole('textbox', { name: 'District name', exact: true }).fill(name);
    await page.getByRole('textbox', { name: 'District name in Hindi' }).fill(nameHi);
    await page.getByRole('button', { name: 'Choose .pub file…' }).click();
    await answerDialog(made[code]!.pub);
    await expect(page.getByRole('table', { name: 'Trusted districts' })).toContainText(`${name} (${code})`);
  }
  await nav().getByRole('link', { name: 'Import bundles' }).click();
  await page.getByRole('button', { name: 'Choose a folder…' }).click();
  await answerDialog(path.join(dir, 'usb'));
  await expect(page.getByRole('status').filter({ hasText: 'accepted' })).toHaveText(
    '2 accepted, 0 already held, 0 refused',
  );

  await nav().getByRole('link', { name: 'HQ dashboard' }).click();
  await expect(page.getByText('2 of 2 districts reporting').first()).toBeVisible();
  const button = page.getByRole('button', { name: 'State report (PDF)…' });
  const exports = path.join(s.dataDir, 'exports');

  // Cancelling the save dialog writes nothing and shows nothing.
  await button.click();
  await answerDialog(null);
  await expect(page.getByRole('status', { name: 'State report saved:' })).toHaveCount(0);
  expect(existsSync(exports) ? readdirSync(exports).filter((f) => f.endsWith('.pdf')) : []).toEqual([]);

  const file = path.join(exports, 'state report.pdf');
  await button.click();
  await answerDialog(file);
  const saved = page.getByRole('status', { name: 'State report saved:' });
  await expect(saved).toBeVisible({ timeout: 60_000 });
  await expect(saved).toContainText(file);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const word of [
    'Police HQ Bihar',
    '2,00,000',
    'PAT',
    'GAY',
    'पटना',
    'राज्य',
    n(made.PAT!.citizens + made.GAY!.citizens),
  ])
    expect(text).toContain(word);
  await settle(page);
  await shot(page, 'screen-en-hq-state-report', testInfo);

  await saved.getByRole('button', { name: 'Open the report' }).click();
  await expect.poll(() => s.harness.opened()).toEqual([file]);
  await saved.getByRole('button', { name: 'Close' }).click();
  await expect(saved).toHaveCount(0);
  expect(s.pageErrors).toEqual([]);
});

test('in Hindi: the button, the progress words and the result', async ({}, testInfo) => {
  test.setTimeout(90_000);
  await setLanguage(page, 'hi');
  const file = path.join(s.dataDir, 'exports', 'राज्य रिपोर्ट.pdf');
  await page.getByRole('button', { name: 'राज्य रिपोर्ट (PDF)…' }).click();
  await answerDialog(file);
  const saved = page.getByRole('status', { name: 'राज्य रिपोर्ट सहेजी गई:' });
  await expect(saved).toBeVisible({ timeout: 60_000 });
  await expect(saved.getByRole('button', { name: 'रिपोर्ट खोलें' })).toBeVisible();
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await settle(page);
  await shot(page, 'screen-hi-hq-state-report', testInfo);
  await setLanguage(page, 'en');
});
