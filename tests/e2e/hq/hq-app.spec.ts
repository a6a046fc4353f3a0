// The HQ app end to end (SPEC §8): two districts made with the built CLI (`samooh init`, `demo`,
// `bundle export`, `key export`), then in the app: first run as HQ, both districts' keys trusted
// through the screen (the file dialog answered by the test), their bundles imported (one twice,
// one from a district HQ does not trust), the dashboard's totals and district table, a district's
// drill-down. Screenshots at 1366×768 in English and Hindi.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { samoohJson } from '../../fixtures/cli.js';
import { answerPreviewDialog, openSession, setLanguage, settle, shot, type Session } from '../fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let dir: string;
const made: Record<string, { pub: string; zip: string; citizens: number }> = {};

const samooh = (args: string[]): unknown => samoohJson(dir, args);

function district(code: string, name: string, nameHi: string, seed: string) {
  const db = path.join(dir, `${code}.sqlite`);
  samooh(['init', '--db', db, '--district', code, '--name', name, '--name-hi', nameHi]);
  samooh(['demo', '--db', db, '--seed', seed]);
  const out = path.join(dir, 'usb');
  mkdirSync(out, { recursive: true });
  const b = samooh(['bundle', 'export', '--db', db, '--out', out]) as { file: string; figures: { citizens: number } };
  const pub = path.join(dir, `${code}.pub`);
  samooh(['key', 'export', '--db', db, '--out', pub]);
  made[code] = { pub, zip: b.file, citizens: b.figures.citizens };
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  s = await openSession(browser);
  page = s.page;
  dir = path.join(s.dataDir, 'districts');
  mkdirSync(dir);
  district('PAT', 'Patna', 'पटना', '2019');
  district('GAY', 'Gaya', 'गया', '7');
  district('XYZ', 'Stranger', 'अजनबी', '11');
});

test.afterAll(async () => {
  await s?.close();
});

const answerDialog = (file: string | null) => answerPreviewDialog(page, file);

const nav = () => page.getByRole('navigation', { name: 'HQ sections' });
const n = (x: number) => x.toLocaleString('en-IN');

test('first run as HQ, trust two districts, import their bundles, see the state and the districts', async ({}, testInfo) => {
  test.setTimeout(60_000);
  const card = page.getByRole('region', { name: 'This PC is at HQ' });
  await card.getByRole('button', { name: 'Set up HQ' }).click();
  await expect(card.getByText('Enter the name of HQ.')).toBeVisible();
  await card.getByRole('textbox', { name: 'Name of HQ', exact: true }).fill('Police HQ Bihar');
  await card.getByRole('textbox', { name: 'Name of HQ in Hindi' }).fill('पुलिस मुख्यालय बिहार');
  await card.getByRole('button', { name: 'Set up HQ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HQ dashboard' })).toBeVisible();
  await expect(page.getByText('HQ: Police HQ Bihar')).toBeVisible();
  await expect(page.getByText('No bundle has arrived yet')).toBeVisible();
  await settle(page);
  await shot(page, 'screen-en-hq-app-empty', testInfo);

  await nav().getByRole('link', { name: 'Trusted districts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trusted districts' })).toBeVisible();
  for (const [code, name] of [
    ['PAT', 'Patna'],
    ['GAY', 'Gaya'],
  ] as const) {
    await page.getByRole('textbox', { name: 'District code' }).fill(code);
    await page.getByRole('textbox', { name: 'District name', exact: true }).fill(name);
    await page.getByRole('button', { name: 'Choose .pub file…' }).click();
    await answerDialog(made[code]!.pub);
    await expect(page.getByRole('table', { name: 'Trusted districts' })).toContainText(`${name} (${code})`);
  }
  await expect(page.getByRole('table', { name: 'Trusted districts' }).getByText('in service')).toHaveCount(2);
  await settle(page);
  await shot(page, 'screen-en-hq-app-trust', testInfo);

  await nav().getByRole('link', { name: 'Import bundles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import bundles' })).toBeVisible();
  // The folder holds all three districts' bundles: two accepted, the stranger's refused.
  await page.getByRole('button', { name: 'Choose a folder…' }).click();
  await answerDialog(path.join(dir, 'usb'));
  await expect(page.getByRole('status').filter({ hasText: 'accepted' })).toHaveText(
    '2 accepted, 0 already held, 1 refused',
  );
  const result = page.getByRole('table', { name: 'Result' });
  await expect(result).toContainText('signed by a key HQ does not trust for this district');
  await page.getByRole('button', { name: 'Choose bundles…' }).click();
  await answerDialog(made.PAT!.zip);
  await expect(page.getByRole('status').filter({ hasText: 'accepted' })).toHaveText(
    '0 accepted, 1 already held, 0 refused',
  );
  await page.getByRole('button', { name: 'Choose a folder…' }).click();
  await answerDialog(path.join(dir, 'usb'));
  await settle(page);
  await shot(page, 'screen-en-hq-app-import', testInfo);

  await nav().getByRole('link', { name: 'HQ dashboard' }).click();
  await expect(page.getByText('2 of 2 districts reporting')).toBeVisible();
  const total = made.PAT!.citizens + made.GAY!.citizens;
  await expect(page.locator('.kpi').filter({ hasText: 'Members (citizens)' })).toContainText(n(total));
  await expect(page.locator('.kpi').filter({ hasText: 'Members (citizens)' })).toContainText('target 2,00,000');
  const table = page.getByRole('table', { name: 'Districts' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /Patna/ })).toContainText(n(made.PAT!.citizens));
  await expect(table.getByRole('row', { name: /Gaya/ })).toContainText(n(made.GAY!.citizens));
  await settle(page);
  await shot(page, 'screen-en-hq-app-dashboard', testInfo);

  // The district table as CSV, through the save dialog.
  const csv = path.join(dir, 'districts.csv');
  await page.getByRole('region', { name: 'Districts' }).getByRole('button', { name: 'Export CSV' }).click();
  await answerDialog(csv);
  await expect.poll(() => existsSync(csv)).toBe(true);
  const text = readFileSync(csv, 'utf8');
  expect(text).toContain('Patna (PAT)');
  expect(text).toContain('Gaya (GAY)');
  expect(text).toContain(String(made.PAT!.citizens));

  await page.getByRole('button', { name: 'Open Patna' }).click();
  const detail = page.getByRole('region', { name: 'Patna: latest bundle' });
  await expect(detail).toContainText('Bundle 1 of');
  await expect(detail.getByRole('table', { name: 'Short units' })).toBeVisible();
  await settle(page);
  await shot(page, 'screen-en-hq-app-district', testInfo);

  await setLanguage(page, 'hi');
  await expect(page.getByRole('heading', { level: 1, name: 'मुख्यालय डैशबोर्ड' })).toBeVisible();
  await expect(page.getByText('2 में से 2 ज़िलों की रिपोर्ट')).toBeVisible();
  await settle(page);
  await shot(page, 'screen-hi-hq-app-dashboard', testInfo);
  await page.getByRole('navigation', { name: 'मुख्यालय के भाग' }).getByRole('link', { name: 'बंडल आयात' }).click();
  await page.getByRole('button', { name: 'फ़ोल्डर चुनें…' }).click();
  await answerDialog(path.join(dir, 'usb'));
  await expect(page.getByRole('table', { name: 'परिणाम' })).toContainText('ऐसी कुंजी से हस्ताक्षरित');
  await settle(page);
  await shot(page, 'screen-hi-hq-app-import', testInfo);
  await page.getByRole('navigation', { name: 'मुख्यालय के भाग' }).getByRole('link', { name: 'भरोसेमंद ज़िले' }).click();
  await settle(page);
  await shot(page, 'screen-hi-hq-app-trust', testInfo);
  await setLanguage(page, 'en');

  // Gaya's PC is replaced: its old key is retired, after a confirmation.
  const keys = page.getByRole('table', { name: 'Trusted districts' });
  await keys.getByRole('row', { name: /Gaya/ }).getByRole('button', { name: 'Retire' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Retire' }).click();
  await expect(keys.getByRole('row', { name: /Gaya/ })).toContainText('retired from');
  await expect(keys.getByRole('row', { name: /Patna/ })).toContainText('in service');

  // The next start opens HQ mode again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Trusted districts' })).toBeVisible();
  expect(s.pageErrors).toEqual([]);
});
