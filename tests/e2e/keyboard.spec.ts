// The clerk's keyboard alone, in Chromium on the demo district: the skip link and the main
// navigation (Tab + Enter, Alt+1…6), a form (Enter submits, Esc cancels and returns focus), a
// confirm dialog (focus trapped, Cancel first, Esc and Enter on Cancel change nothing, the
// destructive button reached with Tab), the shortcut list and the language switch.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSession, settle, shot, type Session } from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let unitCode = '';
let group = { code: '', name: '' };

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  const report = await s.harness.call('compliance.report', {});
  const unit = report.units.find((u) => u.type === 'thana' && u.status === 'short')!;
  unitCode = unit.code;
  const g = await s.harness.call('groups.get', { code: unit.groups[0]! });
  group = { code: g.code, name: g.name };
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(p: Page, target: Locator, { max = 40, back = false } = {}): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await p.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return i;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const nav = (p: Page) => p.getByRole('navigation', { name: /^(Main navigation|मुख्य मेनू)$/ });

test('main navigation: skip link, Tab + Enter on the menu, Alt+digit shortcuts; focus lands on the heading', async ({}, testInfo) => {
  // A freshly loaded page: the first Tab starts at the top of the document.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // The first Tab reaches the skip link, which takes focus to the page content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  // From the content, Shift+Tab back into the menu (it sits before <main>), open Members with Enter
  // (Members is the 3rd of 8 entries: Policy from HQ, Backups, Send to HQ, Import / Export, Staff
  // come first going back.)
  const members = nav(page).getByRole('link', { name: 'Members' });
  expect(await tabTo(page, members, { back: true, max: 8 })).toBeLessThanOrEqual(6);
  const outline = await members.evaluate(
    (el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth,
  );
  expect(outline, 'focus is visible on the menu').not.toMatch(/^none|\s0px$/);
  await shot(page, 'keyboard-nav-focus', testInfo);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeFocused();
  await expect(members).toHaveAttribute('aria-current', 'page');

  // Alt+1…6 jump between the screens (focus on the menu: it stays on the page, so the shell moves
  // focus to the new heading; from inside a page see the last test of this file)
  for (const [key, heading, link] of [
    ['Alt+2', 'Units & groups', 'Units & groups'],
    ['Alt+4', 'Staff', 'Staff'],
    ['Alt+5', 'Import / Export', 'Import / Export'],
    ['Alt+6', 'Send to HQ', 'Send to HQ'],
    ['Alt+1', 'Dashboard', 'Dashboard'],
  ] as const) {
    await members.focus();
    await page.keyboard.press(key);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
    await expect(nav(page).getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
  }

  // "/" puts the cursor in the page's search box
  await members.focus();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search members')).toBeFocused();
});

test('a form: Esc cancels and gives focus back, Enter submits', async ({}, testInfo) => {
  await page.evaluate((c) => (window.location.hash = `#/units/${encodeURIComponent(c)}`), unitCode);
  await expect(page.getByRole('heading', { level: 2, name: 'WhatsApp groups' })).toBeVisible();
  await settle(page);
  const addGroup = page.getByRole('button', { name: '+ Add group' }).first();
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(page, addGroup);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New group' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/^Group code/)).toBeFocused();

  // Esc: nothing is created, focus returns to the button that opened the dialog
  await page.keyboard.type('KB-CANCELLED-1');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(addGroup).toBeFocused();
  expect((await s.harness.call('groups.list', { search: 'KB-CANCELLED' })).length).toBe(0);

  // Enter from a text field submits
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('KB-GROUP-1');
  await page.keyboard.press('Tab'); // unit (already this unit)
  await page.keyboard.press('Tab'); // WhatsApp group name
  await expect(dialog.getByLabel(/^WhatsApp group name/)).toBeFocused();
  await page.keyboard.type('Keyboard Jan Samvad');
  await shot(page, 'keyboard-form-filled', testInfo);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.toasts')).toContainText('Group Keyboard Jan Samvad created.');
  const created = await s.harness.call('groups.get', { code: 'KB-GROUP-1' });
  expect(created).toMatchObject({ unitCode, name: 'Keyboard Jan Samvad', status: 'active' });
  await expect(page.getByRole('row').filter({ hasText: 'KB-GROUP-1' })).toBeVisible();
});

test('a confirm dialog: focus trapped with Cancel first; Esc and Enter cancel; Tab + Enter confirms', async ({}, testInfo) => {
  const closeBtn = page.getByRole('button', { name: `Close group: ${group.name}` });
  await closeBtn.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: `Close group ${group.name}?` });
  await expect(confirm).toBeVisible();
  const cancel = confirm.getByRole('button', { name: 'Cancel' });
  const ok = confirm.getByRole('button', { name: 'Close group' });
  await expect(cancel).toBeFocused();
  // Tab stays inside the dialog
  await page.keyboard.press('Tab');
  await expect(ok).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(ok).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(cancel).toBeFocused();
  // the page behind is out of reach
  expect(await page.evaluate(() => document.getElementById('root')!.hasAttribute('inert'))).toBe(true);
  await shot(page, 'keyboard-confirm', testInfo);

  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(closeBtn).toBeFocused();
  expect((await s.harness.call('groups.get', { code: group.code })).status).toBe('active');

  await page.keyboard.press('Enter');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Enter'); // a reflexive Enter lands on Cancel
  await expect(confirm).toHaveCount(0);
  expect((await s.harness.call('groups.get', { code: group.code })).status).toBe('active');

  await closeBtn.focus();
  await page.keyboard.press('Enter');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(page.locator('.toasts')).toContainText(`Group ${group.name} closed.`);
  expect((await s.harness.call('groups.get', { code: group.code })).status).toBe('closed');

  // and back with the keyboard: Reopen on the row
  const reopen = page.getByRole('button', { name: `Reopen: ${group.name}` });
  await reopen.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: `Close group: ${group.name}` })).toBeVisible();
  expect((await s.harness.call('groups.get', { code: group.code })).status).toBe('active');
});

test('shortcut list with "?", closed with Esc; Alt+L switches the language both ways', async () => {
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('Alt+L');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(nav(page).getByRole('link', { name: 'डैशबोर्ड' })).toBeVisible();
  await page.keyboard.press('Alt+L');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(nav(page).getByRole('link', { name: 'Dashboard' })).toBeVisible();
  expect(s.pageErrors).toEqual([]);
});

// Focus used to be lost to <body> here: the element that had it (inside the old page) was gone
// when the shell looked for it (renderer/shell/AppShell.tsx), so the next Tab restarted at the
// skip link.
test('Alt+digit pressed inside a page moves focus to the new page heading', async () => {
  await page.keyboard.press('Alt+3');
  await page.getByLabel('Search members').focus();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Units & groups' })).toBeVisible();
  const focused = await page.evaluate(
    () => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 30)}`,
  );
  expect(focused, 'focus after Alt+2 from the Members search box').toBe('H1 Units & groups');
});
