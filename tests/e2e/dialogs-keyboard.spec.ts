// Every dialog of the demo district through the one shared Modal (issue #11): opened from the
// keyboard, Esc closes it and focus is back on the button that opened it — also when focus had
// dropped to the page (a Save button disabled while saving). After a refused save (a unit code
// already used, in another case; a phone that is not a mobile number) focus is on the field in
// error with the message beside it, in English and Hindi, and Esc still closes.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let unitCode = '';
let personId = 0;
let serviceNo = '';
let existingCode = '';

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  const report = await s.harness.call('compliance.report', {});
  const unit = report.units.find((u) => u.type === 'thana' && u.groups.length > 0)!;
  unitCode = unit.code;
  existingCode = report.units.find((u) => u.type === 'op')!.code;
  const members = await s.harness.call('members.search', {
    groupCode: unit.groups[0]!,
    category: 'public',
    state: 'active',
    offset: 0,
    limit: 1,
  });
  personId = members.rows[0]!.memberId;
  serviceNo = (await s.harness.call('staff.list', { offset: 0, limit: 1 })).rows[0]!.serviceNo;
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

const open = async (hash: string) => {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await expect(page.locator('main h1')).toBeVisible();
  await settle(page);
};

const dialogs = () => page.locator('[role="dialog"], [role="alertdialog"]');

/** Opens a dialog from `opener` with the keyboard (focus + Enter); returns the dialog. */
async function openWith(opener: Locator): Promise<Locator> {
  await opener.scrollIntoViewIfNeeded();
  await opener.focus();
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = dialogs().last();
  await expect(dialog).toBeVisible();
  // Focus went into the dialog.
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  return dialog;
}

/** Esc closes the dialog and focus is back on its opener; with `dropFocus`, from <body>. */
async function escCloses(opener: Locator, dialog: Locator, { dropFocus = false } = {}) {
  if (dropFocus) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(dialogs()).toHaveCount(0);
  await expect(opener).toBeFocused();
}

interface Case {
  what: string;
  hash: () => string;
  opener: (p: Page) => Locator;
}

const main = (p: Page) => p.locator('main');
const header = (p: Page) => p.locator('.app__header');
const btn = (p: Page, name: string | RegExp) => main(p).getByRole('button', { name, exact: typeof name === 'string' });

const CASES: Case[] = [
  { what: 'operator name', hash: () => '#/', opener: (p) => header(p).getByRole('button', { name: 'Set your name' }) },
  { what: 'registers', hash: () => '#/', opener: (p) => header(p).getByRole('button', { name: 'Registers' }) },
  { what: 'search', hash: () => '#/', opener: (p) => header(p).getByRole('button', { name: /^Search/ }) },
  {
    what: 'shortcuts',
    hash: () => '#/',
    opener: (p) => header(p).getByRole('button', { name: /^Keyboard shortcuts/ }),
  },
  { what: 'remove from women’s group', hash: () => '#/', opener: (p) => btn(p, 'Remove from group').first() },
  { what: 'add unit', hash: () => '#/units', opener: (p) => btn(p, '+ Add unit') },
  { what: 'edit unit', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, 'Edit unit') },
  { what: 'close unit', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, 'Close unit') },
  { what: 'merge unit', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, 'Merge into…') },
  { what: 'delete unit', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, 'Delete unit') },
  { what: 'add group', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, '+ Add group').first() },
  { what: 'edit group', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, /^Edit: /).first() },
  { what: 'close group', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, /^Close group: /).first() },
  { what: 'merge group', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, /^Merge: /).first() },
  { what: 'delete group', hash: () => `#/units/${unitCode}`, opener: (p) => btn(p, /^Delete: /).first() },
  {
    what: 'add citizen to this group',
    hash: () => `#/units/${unitCode}`,
    opener: (p) => btn(p, /^\+ Add citizen to /).first(),
  },
  { what: 'add citizen', hash: () => '#/members', opener: (p) => btn(p, 'Add citizen') },
  { what: 'add staff to group', hash: () => '#/members', opener: (p) => btn(p, 'Add staff to group') },
  { what: 'mark left', hash: () => '#/members', opener: (p) => btn(p, /^Mark .* as left$/).first() },
  { what: 'edit person', hash: () => `#/members/person/${personId}`, opener: (p) => btn(p, 'Edit details') },
  {
    what: 'person to another group',
    hash: () => `#/members/person/${personId}`,
    opener: (p) => btn(p, 'Add to another group'),
  },
  { what: 'erase person', hash: () => `#/members/person/${personId}`, opener: (p) => btn(p, 'Erase on request') },
  { what: 'add staff member', hash: () => '#/staff', opener: (p) => btn(p, 'Add staff member') },
  { what: 'staff to a group', hash: () => '#/staff', opener: (p) => btn(p, /^Add .* to a group$/).first() },
  { what: 'edit staff', hash: () => `#/staff/${encodeURIComponent(serviceNo)}`, opener: (p) => btn(p, 'Edit') },
  { what: 'email settings', hash: () => '#/send', opener: (p) => btn(p, 'Email settings…') },
];

test('every dialog in the demo district: Esc closes it and focus returns to its opener', async () => {
  test.setTimeout(300_000);
  let n = 0;
  for (const c of CASES) {
    await test.step(c.what, async () => {
      await open(c.hash());
      const opener = c.opener(page);
      const dialog = await openWith(opener);
      // Every other one with focus dropped to the page first (the case after a disabled Save).
      await escCloses(opener, dialog, { dropFocus: n++ % 2 === 1 });
    });
  }
});

test('Hindi: Esc closes the main edit dialogs and focus returns', async () => {
  await setLanguage(page, 'hi');
  const hiCases: [string, (p: Page) => Locator][] = [
    ['#/units', (p) => btn(p, '+ इकाई जोड़ें')],
    [`#/units/${unitCode}`, (p) => btn(p, 'इकाई संपादित करें')],
    ['#/members', (p) => btn(p, 'नागरिक जोड़ें')],
    [`#/members/person/${personId}`, (p) => btn(p, 'विवरण संपादित करें')],
  ];
  for (const [hash, opener] of hiCases) {
    await open(hash);
    const o = opener(page);
    const dialog = await openWith(o);
    await escCloses(o, dialog, { dropFocus: true });
  }
  await setLanguage(page, 'en');
});

const LANGS = [
  { lang: 'en', addUnit: '+ Add unit', editDetails: 'Edit details' },
  { lang: 'hi', addUnit: '+ इकाई जोड़ें', editDetails: 'विवरण संपादित करें' },
] as const;

for (const L of LANGS) {
  test(`a refused save puts focus on the field in error, with its message (${L.lang})`, async ({}, testInfo) => {
    await setLanguage(page, L.lang);

    // A unit code already used, typed in another case: refused by the backend, beside the code.
    await open('#/units');
    const addUnit = btn(page, L.addUnit);
    let dialog = await openWith(addUnit);
    await dialog.locator('[name="code"]').fill(existingCode.toLowerCase());
    await dialog.locator('[name="name"]').fill('Duplicate by case');
    await dialog.locator('.modal__footer .btn--primary').click();
    const code = dialog.locator('[name="code"]');
    await expect(code).toBeFocused();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    const codeError = dialog.locator('.field__error');
    await expect(codeError).toContainText(existingCode);
    if (L.lang === 'hi') await expect(codeError).toContainText(/[\u0900-\u097F]/);
    await settle(page);
    await shot(page, `dialog-duplicate-code-${L.lang}`, testInfo);
    // Esc still closes, and nothing was saved.
    await escCloses(addUnit, dialog);
    expect(await s.harness.call('units.list', {})).not.toContainEqual(
      expect.objectContaining({ name: 'Duplicate by case' }),
    );

    // A phone that is not a mobile number, on the person's page.
    await open(`#/members/person/${personId}`);
    const edit = btn(page, L.editDetails);
    dialog = await openWith(edit);
    await dialog.locator('[name="phone"]').fill('12345');
    await dialog.locator('.modal__footer .btn--primary').click();
    const phone = dialog.locator('[name="phone"]');
    await expect(phone).toBeFocused();
    await expect(phone).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await phone.getAttribute('aria-describedby'))!;
    const phoneError = page.locator(`[id="${describedBy}"]`);
    await expect(phoneError).not.toBeEmpty();
    if (L.lang === 'hi') await expect(phoneError).toContainText(/[\u0900-\u097F]/);
    await settle(page);
    await shot(page, `dialog-bad-phone-${L.lang}`, testInfo);
    await escCloses(edit, dialog, { dropFocus: true });
  });
}
