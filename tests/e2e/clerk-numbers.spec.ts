// Numbers agree (issue #11), clicked through as a clerk would on the demo district in both
// languages: each dashboard tile's figure equals the count the list it opens shows, and the
// labels say what each figure counts. Screenshots at 1366×768.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { expect, test, type Page } from '@playwright/test';
import { openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

let s: Session;
let page: Page;

test.describe.configure({ mode: 'serial' });

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

/** The first whole number in a text ("10,247 memberships" → 10247, "39 rows" → 39). */
const firstNumber = (text: string) => Number(/\d[\d,]*/.exec(text)![0].replace(/,/g, ''));

async function dashboard(p: Page): Promise<void> {
  await p.evaluate(() => (window.location.hash = '#/dashboard'));
  await expect(p.locator('.kpi').first()).toBeVisible();
  await settle(p);
}

/** The count the opened list shows: the units table's "N rows", or the paged lists' subtitle. */
async function listCount(p: Page, kind: 'units' | 'paged'): Promise<number> {
  await settle(p);
  if (kind === 'units') {
    const count = p.locator('.table__count');
    await expect(count).toBeVisible();
    return firstNumber((await count.textContent())!);
  }
  const sub = p.locator('.page-header__subtitle');
  await expect(sub).toHaveText(/\d/);
  return firstNumber((await sub.textContent())!);
}

for (const lang of ['en', 'hi'] as const) {
  test(`each dashboard figure opens a list of the same length (${lang})`, async ({}, testInfo) => {
    test.setTimeout(120_000);
    await setLanguage(page, lang);
    await dashboard(page);
    // The window title names the open register (the demo district and its file).
    await expect(page).toHaveTitle(/\(DEMO\) — demo[^ ]* — Samooh$/);
    await shot(page, `numbers-${lang}-dashboard`, testInfo, 1);
    const kpis = page.locator('a.kpi');
    const n = await kpis.count();
    expect(n).toBeGreaterThanOrEqual(5);
    const checked: string[] = [];
    for (let i = 0; i < n; i++) {
      await dashboard(page);
      const tile = kpis.nth(i);
      const href = (await tile.getAttribute('href'))!;
      const expected = Number(await tile.getAttribute('data-count'));
      // The tile states that number in words ("23 of 39", "47 not in any group", "10,247
      // memberships in active groups"), in Indian digit grouping.
      const text = (await tile.textContent())!.replace(/,/g, '');
      expect(text, href).toContain(String(expected));
      const isMembers = href.includes('/members');
      await tile.click();
      const got = await listCount(page, href.includes('/units') ? 'units' : 'paged');
      expect(got, `${href}: the tile says ${expected}`).toBe(expected);
      checked.push(href);
      if (isMembers) await shot(page, `numbers-${lang}-members-active-groups`, testInfo, 1);
    }
    expect(checked.some((h) => h.includes('/members'))).toBe(true);
    expect(checked.some((h) => h.includes('uncovered'))).toBe(true);
  });
}
