// The import wizard with the keyboard alone (issue #11), in both languages: after choosing a
// file focus lands on the skip link to "Check rows" (so the mapping step needs no long Tab
// walk), Enter there reaches "Check rows", after checking focus is on Import, after importing
// on the result; Esc closes the file dialog of the preview. The mapping step shows whole field
// names and only file values in its value column. Screenshots at 1366×768.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { expect, test, type Page } from '@playwright/test';
import { journeyPlan, writeJourneyWorkbook } from './fixtures/register-workbook.js';
import { openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

let s: Session;
let page: Page;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.createRegister', { code: 'SIW', name: 'Siwan', nameHi: 'सीवान' });
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim(), mark: el?.dataset.importFocus ?? '' };
  });

const WORDS = {
  en: { choose: 'Choose file…', check: 'Check rows', auto: 'matched automatically', result: /import/i },
  hi: { choose: 'फ़ाइल चुनें…', check: 'पंक्तियाँ जाँचें', auto: 'स्वतः मिलाया गया', result: /आयात/ },
} as const;

for (const lang of ['en', 'hi'] as const) {
  test(`import with the keyboard alone (${lang})`, async ({}, testInfo) => {
    test.setTimeout(120_000);
    await setLanguage(page, lang);
    const book = await writeJourneyWorkbook(testInfo.outputPath('siwan.xlsx'), journeyPlan());
    // From another screen, Alt+5 opens Import / Export afresh; focus is on the page's heading.
    await page.evaluate(() => (window.location.hash = '#/units'));
    await settle(page);
    await page.locator('body').press('Alt+5');
    await expect(page.locator('h1')).toBeFocused();
    await settle(page);

    // Tab to "Choose file…" in a few steps.
    let tabs = 0;
    while (!(await focused(page)).text.startsWith(WORDS[lang].choose.slice(0, 4)) && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThan(10);
    await s.harness.scriptDialogs([{ kind: 'openFile', path: book }]);
    await page.keyboard.press('Enter');

    // Mapping: focus on the skip link; the value column holds values, never how it matched.
    await expect.poll(async () => (await focused(page)).mark).toBe('mapping');
    await settle(page);
    await shot(page, `import-keys-${lang}-mapping`, testInfo, 1);
    const samples = await page.locator('.mapping-sample').allTextContents();
    expect(samples.join('|')).not.toContain(WORDS[lang].auto);
    // Whole field names: no select's chosen label is wider than the select shows.
    const cut = await page.locator('.mapping-select').evaluateAll((els) =>
      (els as HTMLSelectElement[])
        .filter((el) => {
          const label = el.selectedOptions[0]?.textContent ?? '';
          const c = document.createElement('canvas').getContext('2d')!;
          c.font = getComputedStyle(el).font;
          return c.measureText(label).width > el.clientWidth - 24;
        })
        .map((el) => el.selectedOptions[0]?.textContent),
    );
    expect(cut).toEqual([]);

    // Enter on the skip link → "Check rows"; Enter → the preview, focus on Import.
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe(WORDS[lang].check);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => {
        const f = await focused(page);
        return f.tag === 'BUTTON' && f.text !== WORDS[lang].check && /\d/.test(f.text);
      })
      .toBe(true);
    await settle(page);
    await shot(page, `import-keys-${lang}-preview`, testInfo, 1);

    // Enter imports; focus lands on the result's heading.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('register-now')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('#import-step-heading')).toBeFocused();
    await settle(page);
    await shot(page, `import-keys-${lang}-result`, testInfo, 2);
    expect((await s.harness.call('units.list', {})).length).toBeGreaterThan(0);
  });
}
