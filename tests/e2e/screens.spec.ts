// A screenshot of every screen at 1366×768, in English and in Hindi, for people to look at
// (kept in test-results/ and the HTML report, and copied to /tmp/shots/ as screen-<lang>-<name>.png).
// Every screen also gets the checks a machine can make cheaply: nothing wider than the window, no
// raw i18n keys, no English UI words in the Hindi UI, and (in Hindi) the bundled Devanagari font
// really in use.
//
// The demo district (app.openDemo) in one harness for the whole file; the first-run screen and
// the empty states on a fresh data folder of their own.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { writeJourneyWorkbook, writeMembersWorkbook } from './fixtures/register-workbook.js';
import { esc, pattern, words, type Lang } from './fixtures/words.js';
import {
  dismissToasts,
  expectCleanScreen,
  expectDevanagariFont,
  openSession,
  setLanguage,
  settle,
  shot,
  SHOTS_DIR,
  type ScreenFindings,
  type Session,
} from './fixtures/session.js';

/** A button whose visible name contains `label` (buttons often carry "+ " or "…"). */
const button = (scope: Page, label: string) => scope.getByRole('button', { name: new RegExp(esc(label)) });

/** Opens a route the way a link does (hash change, no reload) and waits for its heading. */
async function go(page: Page, route: string, heading?: string | RegExp): Promise<void> {
  await page.evaluate((r) => (window.location.hash = r), route);
  if (heading) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await settle(page);
}

interface Verdict {
  screen: string;
  findings: ScreenFindings;
}

/** Screenshot + cheap checks of the screen as it is; the findings go into a per-test summary. */
async function capture(page: Page, lang: Lang, name: string, testInfo: TestInfo, log: Verdict[]): Promise<void> {
  await dismissToasts(page); // notices would cover the page's lower right corner
  await settle(page);
  const screen = `screen-${lang}-${name}`;
  await shot(page, screen, testInfo);
  const findings = await expectCleanScreen(page, screen);
  if (lang === 'hi') expect.soft(findings.englishInHindi, `${screen}: English UI words in Hindi`).toEqual([]);
  for (const t of findings.wideTables) {
    testInfo.annotations.push({ type: 'wide table', description: `${screen}: ${t}` });
  }
  log.push({ screen, findings });
}

/** The machine checks of every screen, next to its screenshots (and in SHOTS_DIR). */
async function keepFindings(testInfo: TestInfo, name: string, log: Verdict[]): Promise<void> {
  const file = testInfo.outputPath(name);
  writeFileSync(file, JSON.stringify(log, null, 2));
  copyFileSync(file, path.join(SHOTS_DIR, `screen-${name}`));
  await testInfo.attach(name, { path: file, contentType: 'application/json' });
}

test.describe('the demo district', () => {
  // Not serial: the two languages share the harness when they run in one worker, but a failure
  // in one must not skip the other's screenshots (a new worker then opens its own demo).

  let s: Session;
  let page: Page;
  const ids = {
    shortThana: '',
    citizenId: '',
    staffNo: '',
    importGroup: '',
  };

  test.beforeAll(async ({ browser }) => {
    s = await openSession(browser);
    page = s.page;
    await s.harness.call('app.openDemo', {});
    const report = await s.harness.call('compliance.report', {});
    ids.shortThana = report.units.find((u) => u.type === 'thana' && u.status === 'short')!.code;
    const eminent = await s.harness.call('members.search', { category: 'eminent', offset: 0, limit: 1 });
    ids.citizenId = String(eminent.rows[0]!.memberId);
    const uncovered = await s.harness.call('staff.list', { uncovered: true, offset: 0, limit: 1 });
    ids.staffNo =
      uncovered.rows[0]?.serviceNo ?? (await s.harness.call('staff.list', { offset: 0, limit: 1 })).rows[0]!.serviceNo;
    const ops = report.units.filter((u) => u.type === 'op' && u.status === 'compliant');
    ids.importGroup = ops[0]!.groups[0]!;
    // One bundle already sent, so the outbox and "follows bundle" have something to show.
    const out = `${s.dataDir}/usb`;
    mkdirSync(out);
    await s.harness.call('bundle.export', { folder: out, withMembers: false });
    await page.reload();
    await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  });

  test.afterAll(async () => {
    await s?.close();
  });

  for (const lang of ['en', 'hi'] as const) {
    test(`every screen in ${lang === 'en' ? 'English' : 'Hindi'}`, async ({}, testInfo) => {
      test.setTimeout(150_000);
      const w = words(lang);
      const log: Verdict[] = [];
      await setLanguage(page, lang);
      if (lang === 'hi') await expectDevanagariFont(page);

      await test.step('dashboard', async () => {
        await go(page, '#/dashboard', w.dashboard.title);
        await expect(page.locator('.recharts-surface').first()).toBeVisible();
        await capture(page, lang, 'dashboard', testInfo, log);
      });

      await test.step('units list', async () => {
        await go(page, '#/units', w.units.title);
        await capture(page, lang, 'units', testInfo, log);
        await go(page, '#/units?status=failing', w.units.title);
        await capture(page, lang, 'units-failing', testInfo, log);
      });

      await test.step('a unit page', async () => {
        await go(page, `#/units/${encodeURIComponent(ids.shortThana)}`);
        await expect(page.getByRole('heading', { level: 2, name: w.units.unit.groups })).toBeVisible();
        await capture(page, lang, 'unit', testInfo, log);
      });

      await test.step('group form', async () => {
        await button(page, w.units.unit.addGroup).first().click();
        const dialog = page.getByRole('dialog', { name: w.units.group.new });
        await expect(dialog).toBeVisible();
        await capture(page, lang, 'group-form', testInfo, log);
        // validation messages, beside their fields
        await dialog.getByRole('textbox').first().fill('?bad code');
        await dialog.getByRole('button', { name: w.common.actions.create, exact: true }).click();
        await expect(dialog.locator('.field__error').first()).toBeVisible();
        await capture(page, lang, 'group-form-errors', testInfo, log);
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
      });

      await test.step('confirm dialog (close a group)', async () => {
        await page
          .getByRole('button', { name: new RegExp(`^${esc(w.units.group.close)}:`) })
          .first()
          .click();
        const confirm = page.getByRole('alertdialog');
        await expect(confirm).toBeVisible();
        await expect(confirm.getByRole('button', { name: w.common.actions.cancel })).toBeFocused();
        await capture(page, lang, 'confirm-close-group', testInfo, log);
        await confirm.getByRole('button', { name: w.common.actions.cancel }).click();
        await expect(confirm).toHaveCount(0);
      });

      await test.step('members list', async () => {
        await go(page, '#/members', w.members.title);
        await expect(page.getByRole('grid')).toBeVisible();
        // 10,000+ memberships: Latin digits with Indian grouping (1,30,000) in both languages
        await expect(page.locator('.page-header').getByRole('status')).toHaveText(
          new RegExp(pattern(w.members.total_other).source.replace('.+?', '\\d{1,2}(?:,\\d{2})*,\\d{3}')),
        );
        await capture(page, lang, 'members', testInfo, log);
      });

      await test.step('add-citizen form', async () => {
        await page.getByRole('button', { name: w.members.actions.addCitizen, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: w.members.addCitizen.title });
        await expect(dialog).toBeVisible();
        await capture(page, lang, 'add-citizen', testInfo, log);
        await dialog.getByLabel(new RegExp(`^${esc(w.members.addCitizen.phone)}`)).fill('9.19835E+11');
        await dialog.getByLabel(new RegExp(`^${esc(w.members.addCitizen.joinedOn)}`)).fill('31-02-2024');
        await dialog.getByRole('button', { name: w.members.addCitizen.submit }).click();
        await expect(dialog.locator('.field__error').first()).toBeVisible();
        await capture(page, lang, 'add-citizen-errors', testInfo, log);
        await dialog.getByRole('button', { name: w.common.actions.cancel }).click();
        await expect(dialog).toHaveCount(0);
      });

      await test.step('an empty state (members, no match)', async () => {
        await go(page, '#/members?q=zzqxxnomatch', w.members.title);
        await expect(page.getByText(w.members.empty.filteredTitle)).toBeVisible();
        await capture(page, lang, 'members-empty-filter', testInfo, log);
      });

      await test.step('person page', async () => {
        await go(page, `#/members/person/${ids.citizenId}`);
        await expect(page.getByRole('heading', { level: 2, name: w.members.person.memberships })).toBeVisible();
        await capture(page, lang, 'person', testInfo, log);
      });

      await test.step('staff roster, not in any group', async () => {
        await go(page, '#/staff?uncovered=1', w.staff.title);
        await expect(page.getByRole('checkbox', { name: w.staff.filters.uncovered })).toBeChecked();
        await capture(page, lang, 'staff-uncovered', testInfo, log);
      });

      await test.step('staff form', async () => {
        await page.getByRole('button', { name: w.staff.actions.add, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: w.staff.form.createTitle });
        await expect(dialog).toBeVisible();
        await capture(page, lang, 'staff-form', testInfo, log);
        await page.keyboard.press('Escape');
        await expect(dialog).toHaveCount(0);
      });

      await test.step('staff member page', async () => {
        await go(page, `#/staff/${encodeURIComponent(ids.staffNo)}`);
        await expect(page.getByRole('heading', { level: 2, name: w.staff.detail.memberships })).toBeVisible();
        await capture(page, lang, 'staff-detail', testInfo, log);
      });

      await test.step('import wizard: choose, mapping, preview, result', async () => {
        const book = await writeMembersWorkbook(testInfo.outputPath(`members-${lang}.xlsx`), {
          groupCode: ids.importGroup,
          rows: 12,
          seed: lang === 'en' ? 1000 : 2000,
        });
        await go(page, '#/import', w.import.title);
        await expect(page.getByRole('heading', { name: w.import.choose.heading })).toBeVisible();
        await capture(page, lang, 'import-1-choose', testInfo, log);

        // A whole register workbook (four sheets) to see the mapping cards side by side; then
        // "choose another file" for the members list that is actually imported.
        const whole = await writeJourneyWorkbook(testInfo.outputPath(`register-${lang}-in.xlsx`));
        await s.harness.scriptDialogs([{ kind: 'openFile', path: whole }]);
        await page.getByRole('button', { name: w.import.choose.button }).click();
        await expect(page.getByRole('heading', { name: w.import.mapping.heading })).toBeVisible();
        await capture(page, lang, 'import-2-mapping-4-sheets', testInfo, log);

        await s.harness.scriptDialogs([{ kind: 'openFile', path: book }]);
        await page.getByRole('button', { name: w.import.choose.change }).click();
        await expect(page.locator('.import-file')).toContainText(`members-${lang}.xlsx`);
        await capture(page, lang, 'import-2-mapping', testInfo, log);

        await page.getByRole('button', { name: w.import.mapping.next }).click();
        await expect(page.getByRole('heading', { name: w.import.preview.heading })).toBeVisible();
        await expect(page.getByText('9.19835E+11', { exact: true })).toBeVisible();
        await capture(page, lang, 'import-3-preview', testInfo, log);

        await page.getByRole('button', { name: pattern(w.import.preview.commit_other) }).click();
        await expect(page.getByRole('heading', { name: w.import.result.heading })).toBeVisible();
        await capture(page, lang, 'import-4-result', testInfo, log);
      });

      await test.step('export', async () => {
        await go(page, '#/import?tab=export', w.import.title);
        await expect(page.getByRole('tab', { name: w.import.tabs.export })).toHaveAttribute('aria-selected', 'true');
        await capture(page, lang, 'export', testInfo, log);
        const file = testInfo.outputPath(`register-${lang}.xlsx`);
        await s.harness.scriptDialogs([{ kind: 'saveFile', path: file }]);
        await page.getByRole('button', { name: w.import.export.button }).click();
        await expect(page.locator('.export-done')).toContainText(file);
        expect(statSync(file).size).toBeGreaterThan(10_000);
        await capture(page, lang, 'export-done', testInfo, log);
      });

      await test.step('send to HQ with the members opt-in warning, its confirmation, the outbox', async () => {
        await go(page, '#/send', w.send.title);
        await expect(page.getByRole('heading', { name: w.send.next.title })).toBeVisible();
        await capture(page, lang, 'send', testInfo, log);

        const optIn = page.getByRole('checkbox', { name: new RegExp(esc(w.send.next.members)) });
        await optIn.check();
        await expect(
          page.getByRole('note').filter({ hasText: w.send.next.membersWarning.split('(')[0]! }),
        ).toBeVisible();
        await capture(page, lang, 'send-members-warning', testInfo, log);

        // Bundle no. 1 is in the outbox: making no. 2 with members asks first (one bundle, many deliveries).
        await page.getByRole('button', { name: w.send.actions.make.replace('{{n}}', '2') }).click();
        const confirm = page.getByRole('alertdialog', { name: w.send.confirmMembers.title });
        await expect(confirm).toBeVisible();
        await capture(page, lang, 'send-confirm-members', testInfo, log);
        await confirm.getByRole('button', { name: w.common.actions.cancel }).click();
        await expect(confirm).toHaveCount(0);
        await optIn.uncheck();

        const outbox = page.getByRole('region', { name: w.send.outbox.title });
        await expect(outbox.getByRole('row')).toHaveCount(2); // header + bundle 1
        await outbox.scrollIntoViewIfNeeded();
        // Scrolled to the end, and the frame painted, before the picture.
        const main = page.locator('main');
        await main.evaluate((m) => (m.scrollTop = m.scrollHeight));
        await expect
          .poll(() => main.evaluate((m) => Math.ceil(m.scrollTop + m.clientHeight) >= m.scrollHeight))
          .toBe(true);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const screen = `screen-${lang}-outbox`;
        await shot(page, screen, testInfo, 1);
        log.push({ screen, findings: await expectCleanScreen(page, screen) });
      });

      await test.step('keyboard shortcuts and page-not-found', async () => {
        await go(page, '#/dashboard', w.dashboard.title);
        await page.locator('main h1').click();
        await page.keyboard.press('?');
        const help = page.getByRole('dialog', { name: w.common.shortcuts.title });
        await expect(help).toBeVisible();
        await capture(page, lang, 'shortcuts', testInfo, log);
        await page.keyboard.press('Escape');
        await go(page, '#/no-such-page', w.common.notFound.title);
        await capture(page, lang, 'not-found', testInfo, log);
      });

      await keepFindings(testInfo, `findings-${lang}.json`, log);
      expect(s.pageErrors).toEqual([]);
    });
  }
});

test.describe('a fresh data folder', () => {
  test('first run and the empty register, in both languages', async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const fresh = await openSession(browser);
    const page = fresh.page;
    const log: Verdict[] = [];
    try {
      for (const lang of ['en', 'hi'] as const) {
        const w = words(lang);
        await setLanguage(page, lang);
        await expect(page.getByRole('heading', { level: 1, name: w.firstRun.title })).toBeVisible();
        await capture(page, lang, 'first-run', testInfo, log);
        // the form's own validation, in this language
        await page.getByRole('button', { name: w.firstRun.create }).click();
        await expect(page.getByText(w.firstRun.errors.codeFormat)).toBeVisible();
        await capture(page, lang, 'first-run-errors', testInfo, log);
      }
      await setLanguage(page, 'en');
      await page.getByLabel(/^District code/).fill('ARA');
      await page.getByLabel(/^District name \(English\)/).fill('Bhojpur');
      await page.getByLabel(/^District name \(Hindi\)/).fill('भोजपुर');
      await page.getByRole('button', { name: 'Create register' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

      for (const lang of ['en', 'hi'] as const) {
        const w = words(lang);
        await setLanguage(page, lang);
        await go(page, '#/dashboard', w.dashboard.title);
        await expect(page.getByText(w.dashboard.empty.title)).toBeVisible();
        await capture(page, lang, 'empty-dashboard', testInfo, log);
        await go(page, '#/units', w.units.title);
        await expect(page.getByText(w.units.empty.noUnits)).toBeVisible();
        await capture(page, lang, 'empty-units', testInfo, log);
        await go(page, '#/members', w.members.title);
        await expect(page.getByText(w.members.empty.title)).toBeVisible();
        await capture(page, lang, 'empty-members', testInfo, log);
        await go(page, '#/staff', w.staff.title);
        await expect(page.getByText(w.staff.empty.title)).toBeVisible();
        await capture(page, lang, 'empty-staff', testInfo, log);
        await go(page, '#/send', w.send.title);
        await expect(page.getByText(w.send.outbox.empty)).toBeVisible();
        await capture(page, lang, 'empty-send', testInfo, log);
      }
      await keepFindings(testInfo, 'findings-fresh.json', log);
      expect(fresh.pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
