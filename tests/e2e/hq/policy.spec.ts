// Policy from HQ, district side, end to end on the demo district: HQ's key pair and signature are
// made with the stock `minisign` tool (a tool we did not write); the clerk chooses the HQ key and
// the signed policy through the screen (the file dialogs answered by the test), a tampered copy
// is refused with nothing changed, and the new version is then in force. Screenshots at 1366×768
// in English and Hindi.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { answerPreviewDialog, openSession, setLanguage, settle, shot, type Session } from '../fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let dir: string;

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  dir = path.join(s.dataDir, 'FROM-HQ');
  mkdirSync(dir);
  // HQ's key pair and a signed policy v2, with the stock tool.
  execFileSync('minisign', ['-G', '-W', '-p', path.join(dir, 'hq.pub'), '-s', path.join(dir, 'hq.key')]);
  const v1 = (await s.harness.call('policy.active', {})) as { version: number; rules: { R1: { minMembers: number } } };
  const v2 = { ...v1, version: 2, rules: { ...v1.rules, R1: { ...v1.rules.R1, minMembers: 150 } } };
  const doc = path.join(dir, 'samooh-policy-v2.json');
  writeFileSync(doc, JSON.stringify(v2, null, 2) + '\n');
  execFileSync('minisign', [
    '-S',
    '-s',
    path.join(dir, 'hq.key'),
    '-m',
    doc,
    '-t',
    'samooh-policy version:2 hq-key:stock timestamp:0',
  ]);
  mkdirSync(path.join(dir, 'changed'));
  const tampered = path.join(dir, 'changed', 'samooh-policy-v2.json');
  writeFileSync(tampered, readFileSync(doc, 'utf8').replace('"minMembers": 150', '"minMembers": 15'));
  copyFileSync(`${doc}.minisig`, `${tampered}.minisig`);
});

test.afterAll(async () => {
  await s?.close();
});

const answerDialog = (file: string | null) => answerPreviewDialog(page, file);

test('trust the HQ key, refuse a changed policy, import the signed one; screenshots in both languages', async ({}, testInfo) => {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Policy from HQ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Policy from HQ' })).toBeVisible();
  const active = page.getByRole('region', { name: 'Policy in force' });
  await expect(active).toContainText('Version 1');
  await expect(page.getByRole('button', { name: 'Import policy file…' })).toBeDisabled();
  await settle(page);
  await shot(page, 'screen-en-hq-policy-empty', testInfo);

  await page.getByRole('button', { name: 'Choose HQ key file…' }).click();
  await answerDialog(path.join(dir, 'hq.pub'));
  const keyCard = page.getByRole('region', { name: 'HQ key' });
  await expect(keyCard).toContainText(/[0-9A-F]{16}/);

  await page.getByRole('button', { name: 'Import policy file…' }).click();
  await answerDialog(path.join(dir, 'changed', 'samooh-policy-v2.json'));
  await expect(page.getByRole('alert')).toContainText('changed after HQ signed it');
  await expect(active).toContainText('Version 1');

  await page.getByRole('button', { name: 'Import policy file…' }).click();
  await answerDialog(path.join(dir, 'samooh-policy-v2.json'));
  await expect(active).toContainText('Version 2');
  const report = (await s.harness.call('compliance.report', {})) as { policyVersion: number };
  expect(report.policyVersion).toBe(2);
  await settle(page);
  await shot(page, 'screen-en-hq-policy', testInfo);

  await setLanguage(page, 'hi');
  await expect(page.getByRole('heading', { level: 1, name: 'मुख्यालय की नीति' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'लागू नीति' })).toContainText('संस्करण 2');
  await settle(page);
  await shot(page, 'screen-hi-hq-policy', testInfo);
  await setLanguage(page, 'en');
  expect(s.pageErrors).toEqual([]);
});
