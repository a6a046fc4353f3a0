// Import reasons wholly in Hindi (issue #11): a workbook with a phone that has letters, a
// landline, an exactly repeated unit row and a group on an unknown unit; the preview shows each
// issue's Hindi headline and a Hindi detail worded from the values the backend named, with no
// English outside “quoted values”; in English the same details in English. Screenshots at 1366×768.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

let s: Session;
let page: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.createRegister', { code: 'SIW', name: 'Siwan', nameHi: 'सीवान' });
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

async function writeBadWorkbook(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet('units');
  units.addRow(['code', 'name', 'name_hi', 'type', 'parent_code']);
  units.addRow(['SIW-T-MAIRWA', 'Mairwa', 'मैरवा', 'thana', '']);
  units.addRow(['SIW-T-MAIRWA', 'Mairwa', 'मैरवा', 'thana', '']); // row 3 repeats row 2
  const groups = wb.addWorksheet('groups');
  groups.addRow(['code', 'unit_code', 'kind', 'name']);
  groups.addRow(['SIW-MAIRWA-1', 'SIW-T-MAIRWA', 'public', 'Mairwa Police Public']);
  groups.addRow(['SIW-NOWHERE-1', 'SIW-T-NOWHERE', 'public', 'Nowhere Samooh']); // unknown unit
  const members = wb.addWorksheet('members');
  members.addRow(['group_code', 'name', 'phone']);
  members.addRow(['SIW-MAIRWA-1', 'Ram Kumar', '9835012345']);
  members.addRow(['SIW-MAIRWA-1', 'Sita Devi', '98350ABCDE']); // letters
  members.addRow(['SIW-MAIRWA-1', 'Mohan Prasad', '0612 2223344']); // a landline
  mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

/** Import / Export opened afresh (Alt+5 from another screen), at its first step. */
async function openImportAfresh(): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/units'));
  await settle(page);
  await page.locator('body').press('Alt+5');
  await settle(page);
}

/** Latin words outside “quotes” (names the Hindi UI keeps, like Excel or WhatsApp, aside). */
function strayLatin(text: string): string[] {
  const bare = text.replace(/“[^”]*”/g, ' ');
  return (bare.match(/[A-Za-z][A-Za-z0-9_.-]*/g) ?? []).filter((w) => !['Excel', 'WhatsApp', 'OP'].includes(w));
}

test('the preview words every import reason in Hindi', async ({}, testInfo) => {
  test.setTimeout(120_000);
  await setLanguage(page, 'hi');
  const book = await writeBadWorkbook(testInfo.outputPath('bad-rows.xlsx'));
  await openImportAfresh();
  await s.harness.scriptDialogs([{ kind: 'openFile', path: book }]);
  await page.getByRole('button', { name: 'फ़ाइल चुनें…' }).click();
  await page.getByRole('button', { name: 'पंक्तियाँ जाँचें' }).click();
  await expect(page.getByRole('heading', { name: 'जाँचें कि क्या आयात होगा' })).toBeVisible({ timeout: 30_000 });
  await settle(page);

  const details = await page.locator('.issue-detail').allTextContents();
  expect(details.length).toBeGreaterThanOrEqual(4);
  for (const d of details) expect(strayLatin(d), d).toEqual([]);
  expect(details).toContain('इसमें अक्षर हैं');
  expect(details).toContain('यह लैंडलाइन नंबर है, मोबाइल नंबर नहीं (WhatsApp समूहों के लिए मोबाइल नंबर चाहिए)');
  expect(details).toContain('यह पंक्ति 2 को हूबहू दोहराती है; एक ही बार गिनी गई');
  expect(details).toContain('इकाई “SIW-T-NOWHERE” न इस फ़ाइल में है, न रजिस्टर में');
  // The English message is not shown beside the Hindi.
  await expect(page.locator('.issue-detail[lang="en"]')).toHaveCount(0);
  await expect(page.getByText('has letters in it')).toHaveCount(0);

  // Scroll the app's own scroller (not the window) so the issues stand at the top.
  await page.evaluate(() => {
    const main = document.querySelector<HTMLElement>('main.app__main')!;
    const top = document.getElementById('import-rejected')!.getBoundingClientRect().top;
    main.scrollTop += top - main.getBoundingClientRect().top - 16;
  });
  await shot(page, 'import-reasons-hi-preview', testInfo, 1);
});

test('in English the same issues are worded in English from their values', async ({}, testInfo) => {
  test.setTimeout(120_000);
  await setLanguage(page, 'en');
  const book = await writeBadWorkbook(testInfo.outputPath('bad-rows.xlsx'));
  await openImportAfresh();
  await s.harness.scriptDialogs([{ kind: 'openFile', path: book }]);
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.locator('.issue-detail').first()).toBeVisible({ timeout: 30_000 });
  await settle(page);
  const details = await page.locator('.issue-detail').allTextContents();
  expect(details).toContain('It has letters in it');
  expect(details).toContain('Repeats row 2 exactly; counted once');
  expect(details).toContain('Unit SIW-T-NOWHERE is neither in this file nor in the register');
  await page.evaluate(() => {
    const main = document.querySelector<HTMLElement>('main.app__main')!;
    const top = document.getElementById('import-rejected')!.getBoundingClientRect().top;
    main.scrollTop += top - main.getBoundingClientRect().top - 16;
  });
  await shot(page, 'import-reasons-en-preview', testInfo, 1);
});
