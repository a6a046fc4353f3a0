// The Backups screen end to end on the demo district (issue #10): back up now, the list, a
// change made afterwards, restore with a confirm that states what will be replaced (counts,
// last change), the change gone and the replaced register kept; a damaged file refused with the
// reason and the register untouched; both languages, screenshots at 1366×768.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

const unitCount = async () => (await s.harness.call('units.list', {})).length;

test('back up now, change the register, restore the backup after a confirm that states what is replaced', async ({}, testInfo) => {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  await expect(page.getByText('No backup yet')).toBeVisible();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.locator('.toasts')).toContainText('Backup saved as');
  const table = page.getByRole('region', { name: 'Backups of this register' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Backed up by hand');

  const before = await unitCount();
  await s.harness.call('units.create', { code: 'DEMO-T-NEWTHANA', name: 'New Thana', type: 'thana' });
  expect(await unitCount()).toBe(before + 1);

  await table.getByRole('button', { name: /^Restore…/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Replace the register with this backup?' });
  await expect(dialog).toBeVisible();
  const units = dialog.getByRole('row', { name: /^Units/ });
  await expect(units.getByRole('cell').nth(0)).toHaveText(String(before + 1));
  await expect(units.getByRole('cell').nth(1)).toHaveText(String(before));
  await expect(dialog).toContainText('kept as a backup first');
  await settle(page);
  await shot(page, 'backups-restore-confirm', testInfo);
  await dialog.getByRole('button', { name: 'Replace the register' }).click();
  await expect(page.locator('.toasts')).toContainText('The register was restored from');
  expect(await unitCount()).toBe(before);
  await expect(table).toContainText('Kept before a restore');
  const audit = await s.harness.call('audit.verify', {});
  expect(audit.ok).toBe(true);
  await settle(page);
  await shot(page, 'backups-restored', testInfo);
});

test('a damaged backup is refused with the reason, and the register is not changed', async ({}, testInfo) => {
  const list = await s.harness.call('backup.list', {});
  const good = list.backups.find((b) => b.kind === 'manual')!.file;
  const bad = path.join(s.dataDir, 'uploads-damaged.sqlite');
  copyFileSync(good, bad);
  copyFileSync(`${good}.sha256`, `${bad}.sha256`);
  const bytes = readFileSync(bad);
  bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
  writeFileSync(bad, bytes);
  const before = await unitCount();
  await s.harness.scriptDialogs([{ kind: 'openFile', path: bad }]);
  await page.getByRole('button', { name: 'Restore from a file…' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This backup cannot be restored' });
  await expect(alert).toContainText('does not match its checksum file');
  expect(await unitCount()).toBe(before);

  await setLanguage(page, 'hi');
  await expect(page.getByRole('heading', { level: 1, name: 'बैकअप' })).toBeVisible();
  await s.harness.scriptDialogs([{ kind: 'openFile', path: bad }]);
  await page.getByRole('button', { name: 'फ़ाइल से बहाल करें…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'यह बैकअप बहाल नहीं हो सकता' })).toContainText('चेकसम');
  await settle(page);
  await shot(page, 'backups-refused-hi', testInfo);
  await page
    .getByRole('region', { name: 'इस रजिस्टर के बैकअप' })
    .getByRole('button', { name: /^बहाल करें…/ })
    .first()
    .click();
  await expect(page.getByRole('alertdialog')).toContainText('अभी रजिस्टर में');
  await settle(page);
  await shot(page, 'backups-restore-confirm-hi', testInfo);
  await page.getByRole('alertdialog').getByRole('button', { name: 'रद्द करें' }).click();
  await setLanguage(page, 'en');
  expect(s.pageErrors).toEqual([]);
});
