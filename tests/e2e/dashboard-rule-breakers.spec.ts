// The dashboard's rules card (issue #11): every failing count ("1 failing" for R4) is a button
// that moves focus to the list of who breaks that rule, whose count agrees with it, and that list
// links to where each is put right. English and Hindi, on the demo district.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
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

const LANGS = [
  { lang: 'en', failing: /^([\d,]+) failing$/, entries: /\(([\d,]+) entr(y|ies)\)/ },
  { lang: 'hi', failing: /^([\d,]+) में कमी$/, entries: /\(([\d,]+) प्रविष्टि(याँ)?\)/ },
] as const;

const num = (text: string) => Number(text.replace(/,/g, ''));

for (const L of LANGS) {
  test(`each failing count opens who breaks the rule, with the same count (${L.lang})`, async ({}, testInfo) => {
    await setLanguage(page, L.lang);
    await page.evaluate(() => (window.location.hash = '#/'));
    await settle(page);
    const report = await s.harness.call('compliance.report', {});
    const failing = report.rules.filter((r) => !r.passed && r.failures > 0);
    expect(failing.map((r) => r.id)).toContain('R4');
    const rules = page.locator('section[aria-labelledby="rules-card"]');
    for (const rule of failing) {
      const row = rules.locator('.rules__item').filter({ has: page.locator('.rules__id', { hasText: rule.id }) });
      const count = row.getByRole('button', { name: L.failing });
      await expect(count).toBeVisible();
      const shown = num(L.failing.exec((await count.textContent())!.trim())![1]!);
      expect(shown).toBe(rule.failures);
      // Keyboard: focus the count, Enter.
      await count.focus();
      await page.keyboard.press('Enter');
      const heading = page.locator(`#rule-breakers-${rule.id}-heading`);
      await expect(heading).toBeFocused();
      await expect(heading).toBeInViewport();
      await expect(heading).toContainText(rule.id);
      // The list's count is the card's.
      expect(num(L.entries.exec((await heading.textContent())!)![1]!)).toBe(shown);
      // Each entry links to where it is put right.
      const list = page.locator(`#rule-breakers-${rule.id}`);
      const items = list.locator('.rule-breakers__list > li');
      expect(await items.count()).toBeGreaterThan(0);
      for (const item of await items.all()) await expect(item.getByRole('link').first()).toBeVisible();
    }
    // R4 in particular: the one failing entry and its fix (a member of the women's group).
    await rules
      .locator('.rules__item')
      .filter({ has: page.locator('.rules__id', { hasText: 'R4' }) })
      .getByRole('button', { name: L.failing })
      .click();
    const r4 = page.locator('#rule-breakers-R4');
    await expect(r4.getByRole('button', { name: L.lang === 'en' ? 'Remove from group' : 'समूह से हटाएँ' })).toBeVisible();
    await settle(page);
    await shot(page, `dashboard-r4-breakers-${L.lang}`, testInfo);
  });
}
