// "Reconcile with WhatsApp export" end to end, in real Chromium through the browser harness: the
// clerk opens a group from its unit page, chooses an exported chat (the file dialog answered by
// the test), reviews the proposals (rejects one with the keyboard, chooses the person for a
// saved-contact name), applies, and sees the group's members change. Screens at 1366×768 in
// English and Hindi.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { ANDROID_EXPORT, e164, PHONES } from '../fixtures/chat-export-texts.js';
import { expectCleanScreen, openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let exportFile: string;
const UNIT = 'RCN';
const GROUP = 'RCN-PUB';
const GROUP_NAME = 'Kotwali Jan Samvad';

/** The scenario of tests/fixtures/chat-exports.ts, entered through the same calls the app makes. */
async function enterScenario(): Promise<void> {
  const c = s.harness.call.bind(s.harness);
  await c('units.create', { code: UNIT, name: 'Reconcile Thana', nameHi: 'मिलान थाना', type: 'thana' });
  await c('groups.create', { code: GROUP, unitCode: UNIT, kind: 'public', name: GROUP_NAME });
  await c('groups.create', { code: 'RCN-CYB', unitCode: UNIT, kind: 'cyber_senani', name: 'Reconcile Cyber Senani' });
  const citizen = (groupCode: string, name: string, ten: string, joinedOn = '2024-01-01') =>
    c('members.addCitizen', { groupCode, name, phone: e164(ten), joinedOn });
  for (const [name, ten] of [
    ['Anil Kumar', PHONES.anil],
    ['Chandan Singh', PHONES.chandan],
    ['Eshwar Prasad', PHONES.eshwar],
    ['Gopal Yadav', PHONES.gopal],
  ] as const) {
    await citizen(GROUP, name, ten);
  }
  await citizen('RCN-CYB', 'Bina Devi', PHONES.bina);
  await citizen('RCN-CYB', 'Sunita Devi', PHONES.sunita);
  const farida = await citizen(GROUP, 'Farida Khatoon', PHONES.farida, '2023-06-01');
  await c('members.leave', { membershipId: farida.membershipId, leftOn: '2024-02-01' });
  await c('staff.create', {
    serviceNo: 'RCN-0042',
    name: 'Ramesh Paswan',
    rank: 'Constable',
    gender: 'M',
    unitCode: UNIT,
    phone: e164(PHONES.staff),
  });
}

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  await enterScenario();
  exportFile = path.join(s.dataDir, 'WhatsApp Chat with Kotwali Jan Samvad.txt');
  writeFileSync(exportFile, ANDROID_EXPORT);
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
});

test.afterAll(async () => {
  await s?.close();
});

/** From the unit page's group row, as the clerk goes (a screenshot of that row's action first). */
async function openReconcile(name: string, shotName: string, testInfo: TestInfo): Promise<void> {
  await page.evaluate((u) => (window.location.hash = `#/units/${u}`), UNIT);
  await settle(page);
  const link = page.getByRole('link', { name });
  await expect(link).toBeVisible();
  await shot(page, shotName, testInfo, 1);
  await link.click();
}

test('review, choose a person, reject a row with the keyboard, apply: the members change', async ({}, testInfo) => {
  await openReconcile(`Reconcile ${GROUP_NAME} with a WhatsApp export`, 'screen-en-reconcile-unit', testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Reconcile with WhatsApp export' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Android: the ⋮ menu/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^iPhone: tap the group name/ })).toBeVisible();
  await settle(page);
  await shot(page, 'screen-en-reconcile-choose', testInfo);
  await expectCleanScreen(page, 'reconcile choose (en)');

  await s.harness.scriptDialogs([{ kind: 'openFile', path: exportFile }]);
  await page.getByRole('button', { name: 'Choose export file…' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(9); // header + 8 proposals
  await expect(page.getByRole('button', { name: 'All (8)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: 'In WhatsApp, not in the register (1)' })).toBeVisible();
  await expect(page.getByText(e164(PHONES.dev))).toBeVisible();

  // Filter to the confirm rows; choose who "Sunita Devi" is (the register's person of that name).
  await page.getByRole('button', { name: 'To confirm (2)' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);
  const sunitaBox = page.getByRole('checkbox', { name: /Confirm who — Sunita Devi/ });
  await expect(sunitaBox).toBeDisabled();
  const picker = page.getByRole('combobox', { name: 'Who is “Sunita Devi”?' });
  await picker.selectOption({ label: `Sunita Devi · ${e164(PHONES.sunita)}` });
  await expect(sunitaBox).toBeChecked();

  // Back to all; reject Gopal's removal with the keyboard.
  await page.getByRole('button', { name: 'All (8)' }).click();
  const gopal = page.getByRole('checkbox', { name: /Leave — Gopal Yadav/ });
  await expect(gopal).toBeChecked();
  await gopal.focus();
  await page.keyboard.press('Space');
  await expect(gopal).not.toBeChecked();
  await settle(page);
  await shot(page, 'screen-en-reconcile-review', testInfo);
  await expectCleanScreen(page, 'reconcile review (en)');

  await page.getByRole('button', { name: 'Apply 6 changes…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Apply 6 changes to ${GROUP_NAME}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Changes applied' })).toBeVisible();
  await expect(page.getByText('6 changes applied', { exact: true })).toBeVisible();
  await expect(page.getByTestId('result-joined')).toHaveText('4');
  await expect(page.getByTestId('result-left')).toHaveText('1');
  await shot(page, 'screen-en-reconcile-result', testInfo);

  // The group's members: Bina, Farida, Sunita and the constable joined; Anil left; Gopal stays.
  await page.getByRole('link', { name: 'See the group’s members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await settle(page);
  for (const name of ['Bina Devi', 'Farida Khatoon', 'Sunita Devi', 'Ramesh Paswan', 'Gopal Yadav', 'Chandan Singh']) {
    await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText('Anil Kumar', { exact: true })).toHaveCount(0);
  const members = await s.harness.call('members.search', { groupCode: GROUP, offset: 0, limit: 50 });
  expect(members.rows.map((r) => r.name).sort()).toEqual(
    [
      'Bina Devi',
      'Chandan Singh',
      'Eshwar Prasad',
      'Farida Khatoon',
      'Gopal Yadav',
      'Ramesh Paswan',
      'Sunita Devi',
    ].sort(),
  );
  expect(members.rows.find((r) => r.name === 'Chandan Singh')!.phone).toBe(e164(PHONES.chandanNew));
});

test('Hindi: the same export again proposes only what was left, and the screens read in Hindi', async ({}, testInfo) => {
  await setLanguage(page, 'hi');
  await openReconcile(`${GROUP_NAME} का व्हाट्सऐप एक्सपोर्ट से मिलान करें`, 'screen-hi-reconcile-unit', testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'व्हाट्सऐप एक्सपोर्ट से मिलान' })).toBeVisible();
  await settle(page);
  await shot(page, 'screen-hi-reconcile-choose', testInfo);
  const chooseFindings = await expectCleanScreen(page, 'reconcile choose (hi)');
  expect.soft(chooseFindings.englishInHindi).toEqual([]);

  await s.harness.scriptDialogs([{ kind: 'openFile', path: exportFile }]);
  await page.getByRole('button', { name: 'एक्सपोर्ट फ़ाइल चुनें…' }).click();
  // Applied rows are gone: Gopal's removal (rejected before) and the "You" confirm row remain.
  await expect(page.getByRole('button', { name: 'सभी (2)' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await settle(page);
  await shot(page, 'screen-hi-reconcile-review', testInfo);
  const reviewFindings = await expectCleanScreen(page, 'reconcile review (hi)');
  expect.soft(reviewFindings.englishInHindi).toEqual([]);
  await setLanguage(page, 'en');
});
