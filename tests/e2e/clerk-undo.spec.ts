// A clerk's slips undone (issue #11), in English and in Hindi at 1366×768: a unit made by
// mistake deleted and brought back with the toast's Undo; a duplicate unit merged into the right
// one and un-merged; a man added to the women's group only after confirming the rule it breaks,
// then listed by name on the dashboard among those who break R4. Screenshots of each step are
// kept (test-results/ and SAMOOH_SHOTS_DIR as undo-<lang>-<step>.png) for people to look at.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import editsNs from '../../renderer/i18n/edits.js';
import { esc, fill, words, type Lang } from './fixtures/words.js';
import { dismissToasts, openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (window.location.hash = r), route);
  await settle(page);
}

async function seed(s: Session): Promise<void> {
  const h = s.harness;
  await h.call('app.createRegister', { code: 'PAT', name: 'Patna', nameHi: 'पटना' });
  await h.call('units.create', { code: 'ACC-T3', name: 'Kotwali', nameHi: 'कोतवाली', type: 'thana' });
  await h.call('units.create', { code: 'ACC-T3X', name: 'Kotwali copy', nameHi: 'कोतवाली प्रति', type: 'thana' });
  await h.call('units.create', { code: 'OOPS', name: 'Made by mistake', nameHi: 'ग़लती से बनी', type: 'other' });
  await h.call('units.create', { code: 'PAT-DC', name: 'Police Lines', nameHi: 'पुलिस लाइन', type: 'district_centre' });
  await h.call('groups.create', { code: 'KOT-1', unitCode: 'ACC-T3', kind: 'public', name: 'Kotwali Jan Samvad' });
  await h.call('groups.create', { code: 'KOTX-1', unitCode: 'ACC-T3X', kind: 'public', name: 'Kotwali copy group' });
  await h.call('groups.create', { code: 'W', unitCode: 'PAT-DC', kind: 'women_staff', name: 'Mahila Police Patna' });
  await h.call('staff.create', { serviceNo: 'M1', name: 'Mohan Singh', rank: 'SI', gender: 'M', unitCode: 'PAT-DC' });
  await s.page.reload();
  await s.page.waitForFunction(() => window.samoohPreviewApi !== undefined);
}

for (const lang of ['en', 'hi'] as const satisfies readonly Lang[]) {
  test(`delete + undo, merge + undo, rule confirmation and rule breakers (${lang})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const s = await openSession(browser);
    const page = s.page;
    const w = words(lang);
    const e = editsNs[lang];
    const snap = (name: string) => shot(page, `undo-${lang}-${name}`, testInfo as TestInfo, 1);
    try {
      await seed(s);
      await setLanguage(page, lang);

      await test.step('delete a unit made by mistake, then Undo', async () => {
        await go(page, '#/units/OOPS');
        await page.getByRole('button', { name: e.unit.delete, exact: true }).click();
        const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
        await expect(dialog.getByText(e.unit.deleteBody)).toBeVisible();
        await snap('delete-confirm');
        await dialog.getByRole('button', { name: e.unit.delete, exact: true }).click();
        const toast = page
          .locator('.toast')
          .filter({ hasText: fill(e.unit.deleted, { name: '' }).trim().split(' ')[0]! });
        await expect(page.locator('.toast__undo')).toBeVisible();
        await expect(page).toHaveURL(/#\/units$/);
        await snap('deleted-toast');
        expect((await s.harness.call('units.list', {})).map((u) => u.code)).not.toContain('OOPS');
        await toast.locator('.toast__undo').first().click();
        await expect(page.locator('.toast').filter({ hasText: e.undone }).last()).toBeVisible();
        await dismissToasts(page);
        await expect(page).toHaveURL(/#\/units\/OOPS$/);
        expect((await s.harness.call('units.list', {})).map((u) => u.code)).toContain('OOPS');
      });

      await test.step('merge a duplicate unit into the right one, then Undo', async () => {
        await go(page, '#/units/ACC-T3X');
        await page.getByRole('button', { name: e.unit.merge, exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(e.mergeDialog.into).selectOption('ACC-T3');
        await snap('merge-dialog');
        await dialog.getByRole('button', { name: e.mergeDialog.submit, exact: true }).click();
        await expect(page).toHaveURL(/#\/units\/ACC-T3$/);
        await expect(page.getByRole('cell', { name: 'KOTX-1' })).toBeVisible();
        await expect(page.locator('.toast__undo')).toBeVisible();
        await snap('merged');
        await page.locator('.toast__undo').first().click();
        await expect(page.locator('.toast').filter({ hasText: e.undone }).last()).toBeVisible();
        await dismissToasts(page);
        await expect(page.getByRole('cell', { name: 'KOTX-1' })).toHaveCount(0);
        const back = await s.harness.call('units.get', { code: 'ACC-T3X' });
        expect(back.unit.status).toBe('active');
        expect(back.groups.map((g) => g.code)).toEqual(['KOTX-1']);
      });

      await test.step('a man into the women’s group: the rule is named, then recorded', async () => {
        await go(page, '#/staff/M1');
        await page
          .getByRole('button', { name: new RegExp(esc(w.staff.actions.addToGroup)) })
          .first()
          .click();
        const form = page.getByRole('dialog');
        await form.locator('select[name="groupCode"]').selectOption('W');
        await form.getByRole('button', { name: w.members.addStaff.submit, exact: true }).click();
        const confirm = page
          .getByRole('alertdialog')
          .or(page.getByRole('dialog').filter({ hasText: 'R4' }))
          .last();
        await expect(confirm.getByText(fill(e.ruleConfirm.title, { rule: 'R4' }))).toBeVisible();
        await expect(confirm.getByText(w.dashboard.rules.R4)).toBeVisible();
        await snap('rule-confirm');
        await confirm.getByRole('button', { name: e.ruleConfirm.record, exact: true }).click();
        await expect(page.getByRole('dialog')).toHaveCount(0);
        const m = await s.harness.call('members.search', { groupCode: 'W', offset: 0, limit: 5 });
        expect(m.rows.map((r) => r.serviceNo)).toEqual(['M1']);
      });

      await test.step('the dashboard lists who breaks R4, with a link and Remove', async () => {
        await go(page, '#/dashboard');
        const card = page.locator('.rule-breakers');
        await expect(card.getByRole('heading', { name: e.breakers.title })).toBeVisible();
        const item = card.locator('#rule-breakers-R4 li').filter({ hasText: 'Mohan Singh' });
        await expect(item.getByRole('link', { name: /Mohan Singh/ })).toHaveAttribute('href', /#\/staff\/M1/);
        await item.scrollIntoViewIfNeeded();
        await snap('rule-breakers');
        await item.getByRole('button', { name: e.breakers.remove }).click();
        await page
          .getByRole('alertdialog')
          .or(page.getByRole('dialog'))
          .getByRole('button', { name: e.breakers.remove })
          .click();
        await expect(card.locator('#rule-breakers-R4')).toHaveCount(0);
        await page.locator('.toast__undo').first().click();
        await expect(card.locator('#rule-breakers-R4 li').filter({ hasText: 'Mohan Singh' })).toBeVisible();
      });
      expect(s.pageErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
}
