// Backend refusals in the clerk's language (issue #11): in Hindi at 1366×768, a unit code that
// differs from an existing one only in capital letters and a group whose admin is not in the
// roster are refused with the backend's reason worded in Hindi beside the field, with no Latin
// words outside the quoted values. Screenshots: errors-hindi-<step>.png.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import errorsNs from '../../renderer/i18n/errors.js';
import unitsNs from '../../renderer/i18n/units.js';
import { fill } from './fixtures/words.js';
import { openSession, setLanguage, settle, shot } from './fixtures/session.js';

/** Latin words of a Hindi text outside “quoted values” (names like WhatsApp aside). */
function latinOutsideQuotes(s: string): string[] {
  return s.replace(/“[^”]*”/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = r), route);
  await settle(page);
}

test('backend refusals are worded in Hindi (unit code case, unknown admin)', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const s = await openSession(browser);
  const page = s.page;
  const u = unitsNs.hi;
  const reason = errorsNs.hi.reason;
  const snap = (name: string) => shot(page, `errors-hindi-${name}`, testInfo as TestInfo, 1);
  try {
    await s.harness.call('app.createRegister', { code: 'PAT', name: 'Patna', nameHi: 'पटना' });
    await s.harness.call('units.create', { code: 'ACC-T3', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' });
    await page.reload();
    await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
    await setLanguage(page, 'hi');

    await test.step('a unit code differing only in capital letters', async () => {
      await go(page, '#/units');
      await page.getByRole('button', { name: u.addUnit }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(u.form.code, { exact: false }).first().fill('acc-t3');
      await dialog.getByLabel(u.form.name, { exact: false }).first().fill('Kotwali again');
      await dialog.getByLabel(u.form.name, { exact: false }).first().press('Enter'); // Enter submits
      const expected = fill(reason.unit_code_case_taken, { code: 'acc-t3', existing: 'ACC-T3' });
      await expect(dialog.getByText(expected)).toBeVisible();
      expect(latinOutsideQuotes(expected)).toEqual([]);
      await snap('unit-code-case');
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    });

    await test.step('a group whose admin is not in the roster', async () => {
      await go(page, '#/units/ACC-T3');
      await page.getByRole('button', { name: u.unit.addGroup }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(u.group.code, { exact: false }).first().fill('KOT-9');
      await dialog.getByLabel(u.group.name, { exact: false }).first().fill('Kotwali Jan Samvad');
      await dialog.getByLabel(u.group.admin, { exact: false }).first().fill('NOPE-1');
      await dialog.getByLabel(u.group.admin, { exact: false }).first().press('Enter'); // Enter submits
      const expected = fill(reason.record_not_found, { key: 'NOPE-1' });
      await expect(dialog.getByText(expected)).toBeVisible();
      expect(latinOutsideQuotes(expected)).toEqual([]);
      // Nothing of the backend's English message reaches the Hindi screen.
      await expect(dialog.getByText(/does not exist|no staff member/)).toHaveCount(0);
      await snap('unknown-admin');
    });
  } finally {
    await s.close();
  }
});
