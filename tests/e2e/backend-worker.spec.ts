// The backend runs off the window's thread (issue #7): during a state-size import — the 2,60,000
// member rows of a state register whose 1,300 units, groups and 60,000 staff are already in —
// the page answers clicks and keys, the server that carries the page's calls answers too, and
// Cancel pressed while the rows are being written rolls the whole import back: the register is
// exactly as before.
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './harness/fixtures.js';
import { registerDigest } from '../fixtures/digest.js';
import { STATE, dataset, writeCsvFolder } from '../fixtures/register-dataset.js';
import { shot, settle } from './fixtures/session.js';

test('a state-size import: the window stays responsive, and Cancel in the write phase changes nothing', async ({
  app: page,
  harness,
}, testInfo) => {
  test.setTimeout(300_000);
  // The units, groups and staff go in first (set-up); the clerk then imports the members sheet.
  const folder = testInfo.outputPath('state-register');
  writeCsvFolder(folder, dataset(STATE));
  const membersCsv = testInfo.outputPath('members.csv');
  mkdirSync(path.dirname(membersCsv), { recursive: true });
  renameSync(path.join(folder, 'members.csv'), membersCsv);

  await harness.call('app.createRegister', { code: 'BR', name: 'Bihar (state-size test)' });
  await harness.call('import.commit', { file: folder });
  const status = await harness.call('app.status', {});
  const file = status.registerFile!;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const before = registerDigest(file);

  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Import / Export' })
    .click();
  await harness.scriptDialogs([{ kind: 'openFile', path: membersCsv }]);
  await page.getByRole('button', { name: 'Choose file…' }).click();
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.getByRole('heading', { name: 'Check what will be imported' })).toBeVisible({ timeout: 180_000 });
  await settle(page);
  await shot(page, 'worker-01-state-preview', testInfo);

  await page.getByRole('button', { name: /^Import [\d,]+ accepted rows$/ }).click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();

  // While the backend reads and checks 2,60,000 rows, the page answers keys and clicks.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);
  await page.keyboard.press('Alt+L');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await page.keyboard.press('Alt+L');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(bar).toBeVisible();

  // The write phase: one synchronous transaction in the worker. The server thread still answers
  // (a page asset fetched now arrives while the rows are still being written) ...
  // (The bar's detail line names the phase: read, validate, write.)
  const writing = page.locator('.progress__detail', { hasText: 'Writing to the register' });
  await expect(writing).toBeVisible({ timeout: 180_000 });
  const served = await page.evaluate(async () => (await fetch('/', { cache: 'no-store' })).status);
  expect(served).toBe(200);
  await expect(writing).toBeVisible();
  await settle(page);
  await shot(page, 'worker-02-writing', testInfo);

  // ... and Cancel reaches the transaction, which rolls back.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The import was cancelled. Nothing was changed.')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'worker-03-cancelled', testInfo);

  expect(registerDigest(file)).toEqual(before);
  expect(await harness.call('audit.verify', {})).toMatchObject({ ok: true });
  expect(path.dirname(file)).toBe(harness.dataDir);
});
