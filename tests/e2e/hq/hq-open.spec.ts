// Opening an HQ database that already exists (SPEC §8): after "Leave HQ mode" the first-run card
// opens the same file again as it is; a district register chosen by mistake is refused with the
// open HQ database untouched; from inside HQ mode another HQ database (made with `samooh hq
// init`, e.g. copied from the old HQ PC) replaces the open one. English and Hindi, 1366×768.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { samoohJson } from '../../fixtures/cli.js';
import { answerPreviewDialog, openSession, setLanguage, settle, shot, type Session } from '../fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let dir: string;

const samooh = (args: string[]): unknown => samoohJson(dir, args);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  s = await openSession(browser);
  page = s.page;
  dir = path.join(s.dataDir, 'elsewhere');
  mkdirSync(dir);
  samooh(['init', '--db', path.join(dir, 'district.sqlite'), '--district', 'PAT', '--name', 'Patna']);
  samooh(['hq', 'init', '--db', path.join(dir, 'old-hq.sqlite'), '--name', 'Old HQ desk', '--name-hi', 'पुराना डेस्क']);
});

test.afterAll(async () => {
  await s?.close();
});

const answerDialog = (file: string | null) => answerPreviewDialog(page, file);

test('leave HQ mode, open the same HQ database again, refuse a district register, switch to another', async ({}, testInfo) => {
  test.setTimeout(90_000);
  const card = page.getByRole('region', { name: 'This PC is at HQ' });
  await card.getByRole('textbox', { name: 'Name of HQ', exact: true }).fill('Police HQ Bihar');
  await card.getByRole('button', { name: 'Set up HQ' }).click();
  await expect(page.getByText('HQ: Police HQ Bihar')).toBeVisible();

  await page.getByRole('button', { name: 'Leave HQ mode' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Leave HQ mode' }).click();
  await expect(card).toBeVisible();

  // A district register picked by mistake: refused, and the app stays on the first-run screen.
  await card.getByRole('button', { name: 'Open an HQ database file…' }).click();
  await answerDialog(path.join(dir, 'district.sqlite'));
  await expect(card.getByRole('alert')).toBeVisible();
  await expect(page.getByText(/^HQ: /)).toHaveCount(0);
  await settle(page);
  await shot(page, 'screen-en-hq-open-refused', testInfo);

  // The HQ database this PC made, opened again as it was.
  await card.getByRole('button', { name: 'Open an HQ database file…' }).click();
  await answerDialog(path.join(s.dataDir, 'hq.sqlite'));
  await expect(page.getByText('HQ: Police HQ Bihar')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'HQ dashboard' })).toBeVisible();

  // Cancelling the dialog changes nothing.
  await page.getByRole('button', { name: 'Open another HQ database…' }).click();
  await page.getByTestId('preview-dialog-cancel').click();
  await expect(page.getByText('HQ: Police HQ Bihar')).toBeVisible();

  // Another HQ database, made elsewhere with the CLI.
  await page.getByRole('button', { name: 'Open another HQ database…' }).click();
  await answerDialog(path.join(dir, 'old-hq.sqlite'));
  await expect(page.getByText('HQ: Old HQ desk')).toBeVisible();
  await expect(page.getByText('No bundle has arrived yet')).toBeVisible();
});

test('the same in Hindi: a refusal in words, the other HQ database by its Hindi name', async ({}, testInfo) => {
  await setLanguage(page, 'hi');
  await expect(page.getByText('मुख्यालय: पुराना डेस्क')).toBeVisible();
  await page.getByRole('button', { name: 'दूसरा मुख्यालय डेटाबेस खोलें…' }).click();
  await answerDialog(path.join(dir, 'district.sqlite'));
  await expect(page.getByRole('alert').first()).toBeVisible();
  // The refusal left the open HQ database as it was.
  await expect(page.getByText('मुख्यालय: पुराना डेस्क')).toBeVisible();
  await settle(page);
  await shot(page, 'screen-hi-hq-open-refused', testInfo);
  await page.getByRole('button', { name: 'दूसरा मुख्यालय डेटाबेस खोलें…' }).click();
  await answerDialog(path.join(s.dataDir, 'hq.sqlite'));
  await expect(page.getByText('मुख्यालय: Police HQ Bihar')).toBeVisible();
});
