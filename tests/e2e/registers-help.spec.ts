// Registers at any time (issue #11): from a real register, open the demo district through the
// header's Registers dialog, come back through the recent list, refuse a file that is not a
// register with its reason; F1 opens the manual (also from the shortcuts list); both languages,
// screenshots at 1366×768.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let patFile: string;

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  patFile = (await s.harness.call('app.createRegister', { code: 'PAT', name: 'Patna', nameHi: 'पटना' })).file;
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

const header = () => page.locator('.app__header');

test('switch to the demo district and back through the recent list', async ({}, testInfo) => {
  await expect(header()).toContainText('Patna');
  await header().getByRole('button', { name: 'Registers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Registers' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(patFile);
  await dialog.getByRole('button', { name: 'Open demo district' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.toasts')).toContainText('Opened the register of');
  await expect(header()).toContainText('DEMO');
  await expect(page).toHaveTitle(/demo|Demo|DEMO/);

  await header().getByRole('button', { name: 'Registers' }).click();
  await expect(dialog.getByRole('list', { name: 'Recently opened' }).getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('button', { name: 'Open Demo District', exact: true })).toBeDisabled();
  await settle(page);
  await shot(page, 'registers-dialog-en', testInfo);
  await dialog.getByRole('button', { name: 'Open Patna', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(header()).toContainText('Patna');
  expect((await s.harness.call('app.status', {})).registerFile).toBe(patFile);
});

test('a file that is not a register is refused with the reason; nothing changes (Hindi)', async ({}, testInfo) => {
  const bad = path.join(s.dataDir, 'notes.sqlite');
  writeFileSync(bad, 'just some text\n'.repeat(50));
  await setLanguage(page, 'hi');
  await header().getByRole('button', { name: 'रजिस्टर', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'रजिस्टर' });
  await s.harness.scriptDialogs([{ kind: 'openFile', path: bad }]);
  await dialog.getByRole('button', { name: 'रजिस्टर खोलें…' }).click();
  await expect(dialog.getByRole('alert')).toContainText('“notes.sqlite” समूह का ज़िला रजिस्टर नहीं है।');
  expect((await s.harness.call('app.status', {})).registerFile).toBe(patFile);
  await settle(page);
  await shot(page, 'registers-refused-hi', testInfo);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await setLanguage(page, 'en');
});

test('F1 opens the manual in both languages; the shortcuts list links to it', async ({}, testInfo) => {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
  for (const h of [
    'First run',
    'Importing the old register',
    'The rules (R1–R7)',
    'Sending to HQ',
    'Restoring a backup',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: h })).toBeVisible();
  }
  await expect(page.getByText('R4 — The district has a women staff group')).toBeVisible();
  await page
    .getByRole('navigation', { name: 'On this page' })
    .getByRole('link', { name: 'Restoring a backup' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Restoring a backup' })).toBeFocused();
  await page.locator('main').evaluate((m) => m.scrollTo({ top: 0 }));
  await settle(page);
  await shot(page, 'help-en', testInfo, 1);

  await setLanguage(page, 'hi');
  await expect(page.getByRole('heading', { level: 1, name: 'सहायता' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'नियम (R1–R7)' })).toBeVisible();
  await settle(page);
  await shot(page, 'help-hi', testInfo, 1);

  // From the shortcuts list ("?"), back in English.
  await setLanguage(page, 'en');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(list).toContainText('F1');
  await list.getByRole('link', { name: 'Open the help (manual) (F1)' }).click();
  await expect(list).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Help' })).toBeVisible();
});
