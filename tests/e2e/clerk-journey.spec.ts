// The district clerk's first day, in Debian Chromium against the browser harness, on a fresh
// data folder: create the district register → import the stations' workbook (built here with
// exceljs) through the wizard → see the rejected row and why → commit with progress → the
// dashboard shows a thana short by N → add N citizens to its group on the Members screen → the
// dashboard shows it compliant → Hindi → English again, and the choice survives a reload.
// One harness and one page for the whole file: every step starts where the last one stopped.
// Playwright needs the object pattern for fixtures even when a test uses none.
/* eslint-disable no-empty-pattern */
import { expect, test, type Page } from '@playwright/test';
import { fill, words } from './fixtures/words.js';
import { journeyPlan, JOURNEY_DISTRICT, writeJourneyWorkbook } from './fixtures/register-workbook.js';
import {
  expectCleanScreen,
  expectDevanagariFont,
  openSession,
  setLanguage,
  settle,
  shot,
  type Session,
} from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

const plan = journeyPlan(3);
const short = plan.shortThana;
const citizens = Object.values(plan.citizens).reduce((a, b) => a + b, 0);
const staffMemberships = plan.staff.length + plan.staff.filter((s) => s.gender === 'महिला').length;
/** New citizens typed into the add-citizen form, each in a different phone format. */
const NEW_CITIZENS = [
  { name: 'Shankar Prasad Gupta', phone: '+91 70040 11111', locality: 'Mairwa Bazar' },
  { name: 'Nirmala Devi', phone: '070040 22222', locality: 'Harnathpur' },
  { name: 'मोहम्मद इरफ़ान', phone: '7004033333', locality: 'गुठनी' },
].slice(0, short.shortBy);

let s: Session;
let page: Page;

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
});

test.afterAll(async () => {
  await s?.close();
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('harness.log', { body: s.harness.logs(), contentType: 'text/plain' });
    await testInfo.attach('page-errors', { body: s.pageErrors.join('\n'), contentType: 'text/plain' });
  }
});

const nav = (p: Page) => p.getByRole('navigation', { name: /^(Main navigation|मुख्य मेनू)$/ });
const kpi = (p: Page, label: string) => p.locator('.kpi').filter({ has: p.locator('.kpi__label', { hasText: label }) });
const attention = (p: Page) => p.getByRole('region', { name: /^(Needs attention|ध्यान देने योग्य)$/ });

test('first run: the clerk creates the district register', async ({}, testInfo) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Samooh' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Create the district register' });
  await form.getByLabel(/^District code/).fill(JOURNEY_DISTRICT.code.toLowerCase());
  await form.getByLabel(/^District name \(English\)/).fill(JOURNEY_DISTRICT.name);
  await form.getByLabel(/^District name \(Hindi\)/).fill(JOURNEY_DISTRICT.nameHi);
  await shot(page, 'journey-01-first-run-filled', testInfo);
  await form.getByRole('button', { name: 'Create register' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.locator('.app__district')).toContainText(
    fill(words('en').common.districtLabel, { name: JOURNEY_DISTRICT.name }),
  );
  await expect(page.locator('.app__district-code')).toHaveText(JOURNEY_DISTRICT.code);
  await expect(page.getByText('The register is empty')).toBeVisible();

  const status = await s.harness.call('app.status');
  expect(status).toMatchObject({
    hasRegister: true,
    district: { code: JOURNEY_DISTRICT.code, name: JOURNEY_DISTRICT.name, nameHi: JOURNEY_DISTRICT.nameHi },
  });
  expect(status.registerFile).toMatch(/SIW\.sqlite$/);
  expect(status.keyId).toMatch(/^[0-9A-F]{16}$/);
  await expectCleanScreen(page, 'empty dashboard');
});

test('import: the wizard maps Hindi headers, shows the rejected row with its reason, commits with progress', async ({}, testInfo) => {
  const book = await writeJourneyWorkbook(testInfo.outputPath('siwan-register.xlsx'), plan);
  await nav(page).getByRole('link', { name: 'Import / Export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import / Export' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Choose the workbook to import' })).toBeVisible();

  await s.harness.scriptDialogs([{ kind: 'openFile', path: book }]);
  await page.getByRole('button', { name: 'Choose file…' }).click();

  // Step 2: columns matched automatically, Hindi headers included; the unknown column is left out.
  await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
  const staffSheet = page.getByRole('region', { name: /Sheet “staff”/ });
  for (const [header, field] of [
    ['सेवा संख्या', 'service_no'],
    ['नाम', 'name'],
    ['पद', 'rank'],
    ['लिंग', 'gender'],
    ['पदस्थापन इकाई', 'posting_unit_code'],
    ['मोबाइल नं.', 'phone'],
  ] as const) {
    await expect(staffSheet.getByLabel(header, { exact: true })).toHaveValue(field);
  }
  const membersSheet = page.getByRole('region', { name: /Sheet “members”/ });
  await expect(membersSheet.getByLabel('Mobile No.', { exact: true })).toHaveValue('phone');
  await expect(membersSheet.getByLabel('Village', { exact: true })).toHaveValue('locality');
  await expect(membersSheet.getByLabel('Remarks', { exact: true })).toHaveValue('');
  await settle(page);
  await shot(page, 'journey-02-import-mapping', testInfo);

  // Step 3: the preview, before anything is written.
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.getByRole('heading', { name: 'Check what will be imported' })).toBeVisible();
  const rejected = page.getByRole('region', { name: /^Rejected rows/ });
  await expect(rejected.getByRole('heading')).toContainText('1 rejected row');
  const badRow = rejected.getByRole('row').filter({ hasText: plan.rejected.value });
  await expect(badRow).toHaveCount(1);
  await expect(badRow.getByRole('cell').nth(0)).toHaveText('Members');
  await expect(badRow.getByRole('cell').nth(1)).toHaveText(String(plan.rejected.row));
  await expect(badRow.getByRole('cell').nth(2)).toHaveText('Mobile No.');
  await expect(badRow.getByRole('cell').nth(4)).toContainText(/exponent|scientific/i);
  // nothing written yet
  expect(await s.harness.call('units.list', {})).toEqual([]);
  await shot(page, 'journey-03-import-preview', testInfo);

  // Step 4: commit; the progress bar must show while it writes.
  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean };
    w.__sawProgress = false;
    const seen = () => {
      if (document.querySelector('[role="progressbar"]')) w.__sawProgress = true;
    };
    new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
  });
  const accepted = plan.units.length + plan.groups.length + plan.staff.length + plan.memberRows - 1;
  await page.getByRole('button', { name: `Import ${accepted} accepted rows` }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);

  const written = page.getByRole('table', { name: 'Written to the register' });
  const newCount = (what: string) =>
    written
      .getByRole('row', { name: new RegExp(`^${what}\\b`) })
      .getByRole('cell')
      .first();
  await expect(newCount('Units')).toHaveText(String(plan.units.length));
  await expect(newCount('Groups')).toHaveText(String(plan.groups.length));
  await expect(newCount('Staff')).toHaveText(String(plan.staff.length));
  await expect(newCount('Citizens')).toHaveText(String(citizens));
  await expect(newCount('Memberships')).toHaveText(String(citizens + staffMemberships));
  await expect(page.getByRole('region', { name: 'Rows to fix' })).toContainText(plan.rejected.value);
  await shot(page, 'journey-04-import-result', testInfo);

  // The messy phone formats all became one E.164 form.
  const mairwa = await s.harness.call('members.search', { groupCode: short.group, offset: 0, limit: 500 });
  expect(mairwa.total).toBe(200 - short.shortBy);
  expect(mairwa.rows.every((r) => /^\+91[6-9]\d{9}$/.test(r.phone ?? ''))).toBe(true);
  await expectCleanScreen(page, 'import result');
});

/** The dashboard's figures that the journey changes. */
async function dashboardFigures(p: Page) {
  await nav(p)
    .getByRole('link', { name: /^(Dashboard|डैशबोर्ड)$/ })
    .click();
  await expect(p.getByRole('heading', { level: 1, name: /^(Dashboard|डैशबोर्ड)$/ })).toBeVisible();
  await settle(p);
  return {
    compliant: (await kpi(p, 'Units compliant').locator('.kpi__detail').textContent())?.trim(),
    percent: (await kpi(p, 'Units compliant').locator('.kpi__value').textContent())?.trim(),
    short: (await kpi(p, 'Units short of members').locator('.kpi__value').textContent())?.trim(),
    citizens: (await kpi(p, 'Citizens in groups').locator('.kpi__value').textContent())?.trim(),
  };
}

let before: Awaited<ReturnType<typeof dashboardFigures>>;

test(`dashboard: thana ${short.name} is short by ${short.shortBy}`, async ({}, testInfo) => {
  before = await dashboardFigures(page);
  // Mairwa short; Darauli and Guthni OP compliant; the district centre's staff group is far short.
  expect(before).toEqual({ compliant: '2 of 4', percent: '50%', short: '2', citizens: String(citizens) });
  const item = attention(page).getByRole('link').filter({ hasText: short.name });
  await expect(item).toContainText(`${200 - short.shortBy} / 200 · short by ${short.shortBy}`);
  await expect(item).toContainText('Short');
  await expect(page.getByRole('region', { name: 'Rules' }).locator('li').filter({ hasText: 'R1' })).toContainText(
    'Not met',
  );
  await shot(page, 'journey-05-dashboard-short', testInfo);
  await expectCleanScreen(page, 'dashboard short');

  // the unit page says the same
  await item.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(short.name);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Short');
  await expect(page.getByText(`Short by ${short.shortBy}`)).toBeVisible();
});

test(`members: the clerk adds ${short.shortBy} citizens to ${short.groupName} with the add-citizen form`, async ({}, testInfo) => {
  await nav(page).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  const total = page.locator('.page-header').getByRole('status');
  await expect(total).toHaveText(`${citizens + staffMemberships} memberships`);

  for (const [i, c] of NEW_CITIZENS.entries()) {
    await page.getByRole('button', { name: 'Add citizen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a citizen to a group' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(/^Group/).selectOption(short.group);
    await dialog.getByLabel(/^Name/).fill(c.name);
    await dialog.getByLabel(/^Mobile number/).fill(c.phone);
    await dialog.getByLabel(/^Category/).selectOption(i === 0 ? 'eminent' : 'public');
    await dialog.getByLabel(/^Locality \/ village/).fill(c.locality);
    if (i === 0) await shot(page, 'journey-06-add-citizen', testInfo);
    if (i === NEW_CITIZENS.length - 1) {
      await dialog.getByLabel(/^Locality \/ village/).press('Enter'); // Enter submits
    } else {
      await dialog.getByRole('button', { name: 'Add to group' }).click();
    }
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.toasts')).toContainText(`${c.name} added to ${short.groupName}.`);
  }
  await expect(total).toHaveText(`${citizens + staffMemberships + NEW_CITIZENS.length} memberships`);

  // the new people are findable, with their numbers normalised
  await page.getByLabel('Search members').fill('Nirmala Devi');
  const grid = page.getByRole('grid', { name: 'Members' });
  await expect(grid.getByRole('row').filter({ hasText: 'Nirmala Devi' })).toHaveCount(1);
  await expect(grid.getByRole('row').filter({ hasText: 'Nirmala Devi' })).toContainText(short.groupName);
  const found = await s.harness.call('members.search', { query: 'Nirmala', offset: 0, limit: 5 });
  expect(found.rows.map((r) => r.phone)).toEqual(['+917004022222']);
  await shot(page, 'journey-07-members-search', testInfo);
});

test(`dashboard: ${short.name} is now compliant and the figures moved`, async ({}, testInfo) => {
  const after = await dashboardFigures(page);
  expect(after).toEqual({
    compliant: '3 of 4',
    percent: '75%',
    short: '1',
    citizens: String(citizens + NEW_CITIZENS.length),
  });
  expect(after).not.toEqual(before);
  await expect(attention(page).getByRole('link').filter({ hasText: short.name })).toHaveCount(0);
  await shot(page, 'journey-08-dashboard-compliant', testInfo);

  await nav(page).getByRole('link', { name: 'Units & groups' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: short.code, exact: true }) });
  await expect(row).toContainText('Compliant');
  await expect(row.getByRole('cell').nth(5)).toHaveText('200');
  const report = await s.harness.call('compliance.report', {});
  expect(report.units.find((u) => u.code === short.code)).toMatchObject({
    status: 'compliant',
    members: 200,
    shortfall: 0,
  });
});

test('language: Hindi labels, Indian number and date formats, and the choice is remembered', async ({}, testInfo) => {
  await nav(page).getByRole('link', { name: 'Dashboard' }).click();
  await setLanguage(page, 'hi');
  await expect(page.getByRole('heading', { level: 1, name: 'डैशबोर्ड' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'डैशबोर्ड' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'सदस्य' })).toBeVisible();
  await expect(page.locator('.app__district')).toContainText(
    fill(words('hi').common.districtLabel, { name: JOURNEY_DISTRICT.nameHi }),
  );
  await expect(page.getByText('अनुपालन पूर्ण इकाइयाँ')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'अनुपालन पूर्ण' })).toBeVisible();
  await expect(kpi(page, 'अनुपालन पूर्ण इकाइयाँ').locator('.kpi__detail')).toHaveText('4 में से 3');
  // As of dd-mm-yyyy hh:mm, Latin digits
  await expect(page.locator('.page-header')).toContainText(/\d{2}-\d{2}-\d{4} \d{2}:\d{2} की स्थिति/);
  await settle(page);
  await expectDevanagariFont(page);
  await shot(page, 'journey-09-dashboard-hi', testInfo);
  const findings = await expectCleanScreen(page, 'dashboard hi');
  expect(findings.englishInHindi).toEqual([]);

  // Members in Hindi: dates dd-mm-yyyy, counts in Latin digits
  await nav(page).getByRole('link', { name: 'सदस्य' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'सदस्य' })).toBeVisible();
  await settle(page);
  const joined = await page.getByRole('grid').getByRole('gridcell').nth(5).textContent();
  expect(joined).toMatch(/^\d{2}-\d{2}-\d{4}$/);
  await expect(page.locator('.page-header').getByRole('status')).toHaveText(
    `${citizens + staffMemberships + NEW_CITIZENS.length} सदस्यताएँ`,
  );
  await shot(page, 'journey-10-members-hi', testInfo);

  // remembered across a reload
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(nav(page).getByRole('link', { name: 'डैशबोर्ड' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('samooh.language'))).toBe('hi');

  // back to English, remembered too
  await setLanguage(page, 'en');
  await expect(nav(page).getByRole('link', { name: 'Dashboard' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('samooh.language'))).toBe('en');

  expect(s.pageErrors).toEqual([]);
});
