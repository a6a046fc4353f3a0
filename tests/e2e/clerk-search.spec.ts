// Search and lists (issue #11) on the demo district, in both languages: Ctrl+K searches units,
// groups, people and staff from any screen and opens a hit with the keyboard; a phone written
// as the import accepts it (0…, +91 …) finds its citizen in the members list too; a unit's page
// lists its groups' members and offers "Add citizen to this group" with the group chosen; group
// pickers name the unit. Screenshots at 1366×768.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { expect, test, type Page } from '@playwright/test';
import { dismissToasts, openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

let s: Session;
let page: Page;
let citizen = { id: 0, name: '', phone: '' };
let unit = { code: '', name: '', nameHi: '' as string | null, group: '', members: 0 };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  const m = (await s.harness.call('members.search', { category: 'public', offset: 0, limit: 1 })).rows[0]!;
  citizen = { id: m.memberId, name: m.name, phone: m.phone! };
  const report = await s.harness.call('compliance.report', {});
  const u = report.units.find((x) => x.type === 'thana' && x.status === 'short')!;
  const detail = await s.harness.call('units.get', { code: u.code });
  const g = detail.groups.find((x) => x.status === 'active')!;
  let members = 0;
  for (const grp of detail.groups) {
    members += (await s.harness.call('members.search', { groupCode: grp.code, offset: 0, limit: 1 })).total;
  }
  unit = { code: u.code, name: u.name, nameHi: u.nameHi ?? null, group: g.code, members };
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

async function go(p: Page, route: string): Promise<void> {
  await p.evaluate((r) => (window.location.hash = r), route);
  await expect(p.locator('h1')).toBeVisible();
  await settle(p);
}

for (const lang of ['en', 'hi'] as const) {
  test(`one search box, phone forms, a unit's members (${lang})`, async ({}, testInfo) => {
    test.setTimeout(120_000);
    await setLanguage(page, lang);
    const local = citizen.phone.slice(3);

    await test.step('Ctrl+K finds a citizen by 0XXXXXXXXXX and opens them with Enter', async () => {
      await go(page, '#/units');
      // From inside a text field too.
      await page.locator('[data-page-search]').focus();
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      const box = dialog.getByRole('combobox');
      await expect(box).toBeFocused();
      await box.fill(`0${local}`);
      const hit = dialog.getByRole('option').filter({ hasText: citizen.name });
      await expect(hit).toBeVisible();
      await shot(page, `search-${lang}-phone`, testInfo, 1);
      // Move to the citizen's hit with the arrows, then Enter.
      const options = dialog.getByRole('option');
      const n = await options.count();
      for (let i = 0; i < n; i++) {
        if (
          (await options.nth(i).getAttribute('aria-selected')) === 'true' &&
          (await options.nth(i).textContent())!.includes(citizen.name)
        )
          break;
        await box.press('ArrowDown');
      }
      await box.press('Enter');
      await expect(dialog).toHaveCount(0);
      await expect(page).toHaveURL(new RegExp(`#/members/person/${citizen.id}`));
    });

    await test.step('Ctrl+K finds units, groups and staff; Esc closes', async () => {
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox').fill(unit.code);
      await expect(dialog.getByRole('option').filter({ hasText: unit.code }).first()).toBeVisible();
      await shot(page, `search-${lang}-unit`, testInfo, 1);
      const staff = (await s.harness.call('staff.list', { offset: 0, limit: 1 })).rows[0]!;
      await dialog.getByRole('combobox').fill(staff.serviceNo);
      await expect(dialog.getByRole('option').filter({ hasText: staff.serviceNo })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    });

    await test.step('the members list finds a phone in every form the import accepts', async () => {
      for (const form of [`0${local}`, `+91 ${local.slice(0, 5)} ${local.slice(5)}`]) {
        await go(page, `#/members?q=${encodeURIComponent(form)}`);
        await expect(page.getByRole('link', { name: citizen.name }).first()).toBeVisible();
      }
    });

    await test.step("a unit's page lists its groups' members and adds a citizen to a group", async () => {
      await go(page, `#/units/${encodeURIComponent(unit.code)}`);
      const section = page.locator('section[aria-labelledby="unit-members"]');
      await expect(section.locator('.table__count')).toContainText(unit.members.toLocaleString('en-IN'));
      await section.scrollIntoViewIfNeeded();
      await shot(page, `search-${lang}-unit-members`, testInfo, 1);
      const add = section.getByRole('button', { name: lang === 'en' ? /Add citizen to/ : /नागरिक जोड़ें/ }).first();
      await add.click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      const select = dialog.getByRole('combobox').first();
      await expect(select).toHaveValue(unit.group);
      // The picker names the unit beside each group.
      const label = await select.locator('option:checked').textContent();
      expect(label).toContain(lang === 'hi' && unit.nameHi ? unit.nameHi : unit.name);
      await shot(page, `search-${lang}-add-to-group`, testInfo, 1);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await dismissToasts(page);
    });
  });
}
