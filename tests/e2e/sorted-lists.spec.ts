// Sortable columns with a stable default order (issue #11), on the demo district, in both
// languages: the members list opens in its default order (unit, group, order of entry) with
// aria-sort on the Group header; a click on Name sorts by name (Latin ignoring case, then
// Devanagari), Enter on the focused header reverses it; the rows on screen are the backend's
// rows in that order; the order survives leaving the list and coming back; the CSV export holds
// the rows in the order on screen. Screenshots at 1366×768 in both languages.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../../electron/services/register-io/csv.js';
import { dismissToasts, openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

let s: Session;
let page: Page;
let group = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  const groups = await s.harness.call('groups.list', {});
  group = groups.find((g) => g.kind === 'public' && g.activeMembers >= 20)!.code;
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

const WORDS = {
  en: { name: 'Name', group: 'Group', csv: 'Export CSV', members: 'Members', dashboard: 'Dashboard' },
  hi: { name: 'नाम', group: 'समूह', csv: 'CSV निर्यात', members: 'सदस्य', dashboard: 'डैशबोर्ड' },
} as const;

async function go(p: Page, route: string): Promise<void> {
  await p.evaluate((r) => (window.location.hash = r), route);
  await expect(p.locator('h1')).toBeVisible();
  await settle(p);
}

const header = (p: Page, label: string) =>
  p
    .getByRole('grid')
    .getByRole('columnheader')
    .filter({ has: p.getByRole('button', { name: label }) });

/** The names in the rows on screen, top to bottom (the first cell holds the name). */
async function namesOnScreen(p: Page): Promise<string[]> {
  await settle(p);
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.vtable__body [role="row"]')]
      .map((r) => ({
        i: Number(r.getAttribute('aria-rowindex')),
        name: r.querySelector('[role="gridcell"]')!.textContent!,
      }))
      .sort((a, b) => a.i - b.i)
      .map((r) => r.name),
  );
}

/** SQLite NOCASE, the order the backend promises for names. */
const nocase = (x: string) => x.replace(/[A-Z]/g, (c) => c.toLowerCase());

for (const lang of ['en', 'hi'] as const) {
  test(`members list: default order, sort by name both ways, remembered, exported in order (${lang})`, async ({}, testInfo) => {
    test.setTimeout(180_000);
    const w = WORDS[lang];
    // A fresh visit: off the list, with no order remembered.
    await go(page, '/dashboard');
    await page.evaluate(() => window.sessionStorage.removeItem('samooh.sort.members'));
    await setLanguage(page, lang);
    await go(page, '/members');

    // Default order: Group ascending, the others not sorted.
    await expect(header(page, w.group)).toHaveAttribute('aria-sort', 'ascending');
    await expect(header(page, w.name)).toHaveAttribute('aria-sort', 'none');
    const byDefault = await s.harness.call('members.search', { offset: 0, limit: 8 });
    expect((await namesOnScreen(page)).slice(0, 8)).toEqual(byDefault.rows.map((r) => r.name));
    await shot(page, `sorted-members-default-${lang}`, testInfo, 1);

    // Click Name: ascending by name.
    await header(page, w.name).getByRole('button').click();
    await expect(header(page, w.name)).toHaveAttribute('aria-sort', 'ascending');
    await expect(header(page, w.group)).toHaveAttribute('aria-sort', 'none');
    const asc = await s.harness.call('members.search', { sort: { column: 'name', dir: 'asc' }, offset: 0, limit: 8 });
    await expect.poll(async () => (await namesOnScreen(page)).slice(0, 8)).toEqual(asc.rows.map((r) => r.name));
    const shownAsc = await namesOnScreen(page);
    for (let i = 1; i < shownAsc.length; i++) expect(nocase(shownAsc[i - 1]!) <= nocase(shownAsc[i]!)).toBe(true);
    await shot(page, `sorted-members-name-asc-${lang}`, testInfo, 1);

    // Keyboard: Enter on the focused header reverses the order.
    await header(page, w.name).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(header(page, w.name)).toHaveAttribute('aria-sort', 'descending');
    const desc = await s.harness.call('members.search', { sort: { column: 'name', dir: 'desc' }, offset: 0, limit: 8 });
    await expect.poll(async () => (await namesOnScreen(page)).slice(0, 8)).toEqual(desc.rows.map((r) => r.name));
    const shownDesc = await namesOnScreen(page);
    for (let i = 1; i < shownDesc.length; i++) expect(nocase(shownDesc[i - 1]!) >= nocase(shownDesc[i]!)).toBe(true);
    // Devanagari names come after Latin ones ascending, so first descending.
    expect(/[\u0900-\u097f]/.test(shownDesc[0]!)).toBe(true);
    await shot(page, `sorted-members-name-desc-${lang}`, testInfo, 1);

    // Leave the list and come back: the same order, the same rows.
    await go(page, '/dashboard');
    await go(page, '/members');
    await expect(header(page, w.name)).toHaveAttribute('aria-sort', 'descending');
    expect((await namesOnScreen(page)).slice(0, 8)).toEqual(desc.rows.map((r) => r.name));

    // One group's members, exported: the CSV holds the rows in the order on screen.
    await go(page, `/members?group=${encodeURIComponent(group)}`);
    await expect(header(page, w.name)).toHaveAttribute('aria-sort', 'descending');
    const inGroup = await s.harness.call('members.search', {
      groupCode: group,
      sort: { column: 'name', dir: 'desc' },
      offset: 0,
      limit: 1000,
    });
    const file = path.join(s.dataDir, `sorted-${lang}.csv`);
    await dismissToasts(page);
    await s.harness.scriptDialogs([{ kind: 'saveFile', path: file }]);
    await page.locator('.page-header').getByRole('button', { name: w.csv, exact: true }).click();
    await expect(page.locator('.toasts .toast').filter({ hasText: path.basename(file) })).toBeVisible();
    const records: string[][] = [];
    parseCsv(readFileSync(file, 'utf8').slice(1), (f) => records.push(f));
    expect(records.slice(1).map((r) => r[0])).toEqual(inGroup.rows.map((r) => r.name));
    expect((await namesOnScreen(page)).slice(0, 8)).toEqual(inGroup.rows.slice(0, 8).map((r) => r.name));
    await shot(page, `sorted-members-group-name-desc-${lang}`, testInfo, 1);
  });
}
