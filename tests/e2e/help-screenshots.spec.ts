// The manual's screenshots (issue #11), made here from the demo district through the harness at
// a fixed viewport, in English and Hindi: first run, importing the old register (the mapping
// step), the rules (the dashboard's rules card), sending to HQ, restoring a backup. They live in
// renderer/help/shots/<topic>.<lang>.png, committed, so the app ships them (HelpPage imports
// them; Vite emits them as files). This spec writes them there when one is missing, or all of
// them with SAMOOH_HELP_SHOTS=write (after a screen changes); otherwise it keeps the committed
// files and puts the new pictures in test-results/ only, so a run does not change the
// repository. Then it checks the help page shows every picture, loaded, in each language.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { journeyPlan, writeJourneyWorkbook } from './fixtures/register-workbook.js';
import { openSession, setLanguage, settle, type Session } from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

const SHOTS = path.resolve(import.meta.dirname, '../../renderer/help/shots');
const WRITE_ALL = process.env.SAMOOH_HELP_SHOTS === 'write';
/** The pictures' viewport: small enough to keep the files light, wide enough for the layout (the
 *  main area beside the menu is 1064 px wide, and a picture keeps all of its width). */
const VIEWPORT = { width: 1280, height: 720 };
/** The largest part of a screen a picture keeps (the help page shows it at most ~60rem wide). */
const MAX = { width: 1064, height: 560 };
const TOPICS = ['first-run', 'import', 'rules', 'send', 'backup'] as const;
type Topic = (typeof TOPICS)[number];
const LANGS = ['en', 'hi'] as const;

let s: Session;
let page: Page;

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await page.setViewportSize(VIEWPORT);
});

test.afterAll(async () => {
  await s?.close();
});

/** A picture of `region` (its top-left part, at most MAX), kept in test-results and the app. */
async function capture(region: Locator, topic: Topic, lang: 'en' | 'hi', testInfo: TestInfo) {
  await settle(page);
  await hideTempFolders(testInfo);
  await region.scrollIntoViewIfNeeded();
  const box = (await region.boundingBox())!;
  const clip = {
    x: Math.max(0, box.x),
    y: Math.max(0, box.y),
    width: Math.min(box.width, MAX.width, VIEWPORT.width - Math.max(0, box.x)),
    height: Math.min(box.height, MAX.height, VIEWPORT.height - Math.max(0, box.y)),
  };
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  const name = `${topic}.${lang}.png`;
  const out = testInfo.outputPath(name);
  writeFileSync(out, png);
  await testInfo.attach(name, { path: out, contentType: 'image/png' });
  const target = path.join(SHOTS, name);
  if (WRITE_ALL || !existsSync(target)) {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(target, png);
  }
}

/**
 * The test's temporary folders (the harness's data folder, test-results/) mean nothing to a
 * clerk: in the picture they read "…" (for example "…/backups/demo"), the file names stay.
 */
async function hideTempFolders(testInfo: TestInfo) {
  await page.evaluate(
    (dirs) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let text = n.textContent ?? '';
        for (const d of dirs) text = text.split(d).join('…');
        if (text !== n.textContent) n.textContent = text;
      }
    },
    [s.dataDir, testInfo.outputDir],
  );
}

const go = async (hash: string) => {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.locator('main h1')).toBeVisible();
  await settle(page);
};

test('make the screenshots of each topic in both languages', async ({}, testInfo) => {
  test.setTimeout(180_000);
  // First run: a fresh data folder shows the first-run screen.
  for (const lang of LANGS) {
    await setLanguage(page, lang);
    await capture(page.locator('main'), 'first-run', lang, testInfo);
  }
  await setLanguage(page, 'en');
  await s.harness.call('app.openDemo', {});
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  // One backup, so the Backups page lists something to restore.
  await go('#/backups');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.locator('main table tbody tr').first()).toBeVisible();
  const book = await writeJourneyWorkbook(testInfo.outputPath('old-register.xlsx'), journeyPlan());

  for (const lang of LANGS) {
    await setLanguage(page, lang);
    // Importing: the mapping step after choosing the old workbook.
    await go('#/import');
    await s.harness.scriptDialogs([{ kind: 'openFile', path: book }]);
    await page.getByRole('button', { name: lang === 'en' ? 'Choose file…' : 'फ़ाइल चुनें…' }).click();
    await expect(page.locator('.mapping-select').first()).toBeVisible();
    await capture(page.locator('main'), 'import', lang, testInfo);
    // The rules: the dashboard's rules card.
    await go('#/');
    await capture(page.locator('section[aria-labelledby="rules-card"]'), 'rules', lang, testInfo);
    // Sending to HQ.
    await go('#/send');
    await capture(page.locator('main'), 'send', lang, testInfo);
    // Restoring a backup: the Backups page with its list.
    await go('#/backups');
    await capture(page.locator('main'), 'backup', lang, testInfo);
  }
  await setLanguage(page, 'en');

  // The committed pictures stay light: together well under 1.5 MB.
  const total = TOPICS.flatMap((t) => LANGS.map((l) => statSync(path.join(SHOTS, `${t}.${l}.png`)).size)).reduce(
    (a, b) => a + b,
    0,
  );
  testInfo.annotations.push({ type: 'help shots size', description: `${total} bytes` });
  expect(total).toBeLessThan(1_500_000);
});

test('the help page shows each topic’s picture, loaded, in the current language', async ({}, testInfo) => {
  for (const lang of LANGS) {
    await setLanguage(page, lang);
    await page.keyboard.press('F1');
    await expect(page.getByRole('heading', { level: 1, name: lang === 'en' ? 'Help' : 'सहायता' })).toBeVisible();
    const imgs = page.locator('img[data-help-shot]');
    await expect(imgs).toHaveCount(TOPICS.length);
    for (const img of await imgs.all()) {
      await img.scrollIntoViewIfNeeded();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBeGreaterThan(0);
      const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
      expect(src).toMatch(new RegExp(`\\.${lang}[-.][^/]*png$`));
      expect((await img.getAttribute('alt'))!.length).toBeGreaterThan(10);
      if (lang === 'hi') expect(await img.getAttribute('alt')).toMatch(/[\u0900-\u097F]/);
    }
    // Look at it at 1366×768.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.locator('#help-firstRun').scrollIntoViewIfNeeded();
    await settle(page);
    const file = testInfo.outputPath(`help-with-shots-${lang}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    await testInfo.attach(`help-with-shots-${lang}`, { path: file, contentType: 'image/png' });
    await page.setViewportSize(VIEWPORT);
  }
  await setLanguage(page, 'en');
});
