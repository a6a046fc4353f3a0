// Send to HQ end to end on the demo district, as HQ would check it: the clerk saves the public
// key, makes bundle no. 1 and saves it to a folder through the screen (the folder dialog
// answered by the test), then the zip is unpacked and checked with Debian's stock
// `minisign -V -H` and the BagIt manifests recomputed here; the outbox lists it as no. 1; the
// email draft of that same bundle takes no new sequence (one bundle, many deliveries; issue
// #11); the next bundle is no. 2 and names the first one's tagmanifest.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openSession, setLanguage, settle, shot, type Session } from './fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let usb: string;
let pub: string;
const bundles: { file: string; dir: string }[] = [];

test.beforeAll(async ({ browser }) => {
  s = await openSession(browser);
  page = s.page;
  await s.harness.call('app.openDemo', {});
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  usb = path.join(s.dataDir, 'USB-STICK');
  mkdirSync(usb);
});

test.afterAll(async () => {
  await s?.close();
});

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Unpacks a bundle zip with the stock unzip and returns the bag folder. */
function unpack(zip: string): string {
  const out = `${zip}.unpacked`;
  execFileSync('unzip', ['-q', '-o', zip, '-d', out]);
  const [bag, ...rest] = readdirSync(out);
  expect(rest, 'one bag folder at the top of the zip').toEqual([]);
  return path.join(out, bag!);
}

/** `minisign -V -H -p <pub> -m tagmanifest-sha256.txt` in the bag, as SPEC §7 tells HQ to run it. */
function minisignVerify(bag: string, pubFile: string) {
  return spawnSync('minisign', ['-V', '-H', '-p', pubFile, '-m', 'tagmanifest-sha256.txt'], {
    cwd: bag,
    encoding: 'utf8',
  });
}

/** Checks every line of a BagIt manifest against the files. */
function checkManifest(bag: string, manifest: string): string[] {
  const lines = readFileSync(path.join(bag, manifest), 'utf8').trim().split('\n');
  for (const line of lines) {
    const m = /^([0-9a-f]{64}) {1,2}(.+)$/.exec(line);
    expect(m, `manifest line: ${line}`).not.toBeNull();
    expect(sha256(path.join(bag, m![2]!)), m![2]).toBe(m![1]);
  }
  return lines.map((l) => l.replace(/^\S+\s+/, ''));
}

function bagInfo(bag: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

async function saveBundleThroughScreen(expectedSequence: number, shotName: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Send to HQ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send to HQ' })).toBeVisible();
  const next = page.getByRole('region', { name: 'Next bundle' });
  await expect(next.locator('dt', { hasText: 'Bundle no.' }).locator('+ dd')).toHaveText(String(expectedSequence));
  await expect(page.getByRole('checkbox', { name: /Include the members list/ })).not.toBeChecked();

  await page.evaluate(() => {
    const w = window as unknown as { __sawProgress: boolean };
    w.__sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"]')) w.__sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  // Making the bundle takes its sequence number; saving it is a delivery of that bundle.
  await page.getByRole('button', { name: `Make bundle no. ${expectedSequence}` }).click();
  const card = page.getByRole('region', { name: `Bundle no. ${expectedSequence}`, exact: true });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('Not handed on yet');
  await expect(next.locator('dt', { hasText: 'Bundle no.' }).locator('+ dd')).toHaveText(String(expectedSequence + 1));
  await s.harness.scriptDialogs([{ kind: 'openFolder', path: usb }]);
  await card.getByRole('button', { name: 'Save to a folder (USB)…' }).click();
  const outcome = page
    .getByRole('status')
    .filter({ has: page.getByRole('heading', { name: `Bundle no. ${expectedSequence} saved` }) });
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { __sawProgress: boolean }).__sawProgress)).toBe(true);
  const file = (await outcome
    .locator('dt', { hasText: /^File$/ })
    .locator('+ dd')
    .textContent())!.trim();
  expect(path.dirname(file)).toBe(usb);
  expect(path.basename(file)).toMatch(new RegExp(`^samooh-DEMO-\\d{8}-${expectedSequence}\\.zip$`));
  const shown = (await outcome.locator('dt', { hasText: 'ZIP SHA-256' }).locator('+ dd').textContent())!.trim();
  expect(shown).toBe(sha256(file));
  await settle(page);
  await shot(page, shotName, test.info());
  return file;
}

test('the clerk saves the district public key from the Send to HQ screen', async ({}, testInfo) => {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Send to HQ' }).click();
  const keyCard = page.getByRole('region', { name: 'District key' });
  const keyId = (await keyCard.locator('.key-id__value').textContent())!.trim();
  expect(keyId).toMatch(/^[0-9A-F]{16}$/);

  pub = testInfo.outputPath('DEMO.pub');
  await s.harness.scriptDialogs([{ kind: 'saveFile', path: pub }]);
  await keyCard.getByRole('button', { name: 'Save public key…' }).click();
  await expect(page.locator('.toasts')).toContainText(`Public key saved as ${pub}`);
  const lines = readFileSync(pub, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(keyId);
  // the minisign public key: "Ed" + 8-byte key id (little-endian) + 32-byte key
  const raw = Buffer.from(lines[1]!, 'base64');
  expect(raw.subarray(0, 2).toString()).toBe('Ed');
  expect(Buffer.from(raw.subarray(2, 10)).reverse().toString('hex').toUpperCase()).toBe(keyId);

  // the handler gives the same file
  const again = testInfo.outputPath('DEMO-api.pub');
  await s.harness.call('key.exportPublic', { file: again });
  expect(readFileSync(again, 'utf8')).toBe(readFileSync(pub, 'utf8'));
});

test('bundle no. 1 saved to a folder verifies with stock minisign and its BagIt manifests', async () => {
  const file = await saveBundleThroughScreen(1, 'send-bundle-1-saved');
  expect(existsSync(file)).toBe(true);
  const bag = unpack(file);
  bundles.push({ file, dir: bag });

  const v = minisignVerify(bag, pub);
  expect(v.status, `minisign: ${v.stdout}${v.stderr}`).toBe(0);
  expect(v.stdout).toContain('Signature and comment signature verified');

  const payload = checkManifest(bag, 'manifest-sha256.txt');
  expect(payload.sort()).toEqual(
    expect.arrayContaining(['data/summary.json', 'data/units.csv', 'data/groups.csv', 'data/report.html']),
  );
  expect(payload).not.toContain('data/members.csv'); // counts only unless the clerk opts in
  expect(checkManifest(bag, 'tagmanifest-sha256.txt').sort()).toEqual([
    'bag-info.txt',
    'bagit.txt',
    'manifest-sha256.txt',
  ]);
  const info = bagInfo(bag);
  expect(info['Samooh-District']).toBe('DEMO');
  expect(info['Samooh-Sequence']).toBe('1');
  expect(info['Samooh-Previous-Tagmanifest-SHA256']).toMatch(/^0{64}$|^[0-9a-f]{64}$/);

  // one changed byte in the signed tagmanifest and minisign refuses it
  const forged = `${bag}-forged`;
  mkdirSync(forged);
  for (const f of ['tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.minisig']) {
    copyFileSync(path.join(bag, f), path.join(forged, f));
  }
  const tm = readFileSync(path.join(forged, 'tagmanifest-sha256.txt'), 'utf8');
  writeFileSync(
    path.join(forged, 'tagmanifest-sha256.txt'),
    tm.replace(/[0-9a-f]/, (c) => (c === '0' ? '1' : '0')),
  );
  expect(minisignVerify(forged, pub).status).not.toBe(0);
});

test('the outbox lists bundle no. 1', async () => {
  const outbox = page.getByRole('region', { name: 'Bundles sent' });
  const rows = outbox.getByRole('row');
  await expect(rows).toHaveCount(2);
  const first = rows.nth(1);
  await expect(first.getByRole('cell').nth(0)).toHaveText('1');
  await expect(first).toContainText(path.basename(bundles[0]!.file));
  await expect(first).toContainText(`SHA-256 ${sha256(bundles[0]!.file).slice(0, 16)}`);
  await expect(first).toContainText('Folder / USB');
  const entries = (await s.harness.call('bundle.outbox', {})).entries;
  expect(entries.map((e) => e.sequence)).toEqual([1]);
});

test('the email draft delivers the same bundle no. 1: no new sequence, both deliveries listed', async ({}, testInfo) => {
  await s.harness.call('settings.email.set', { to: 'igp@bihar.example', subject: 'Bundle {sequence}', body: 'b' });
  await page.reload();
  await page.waitForFunction(() => window.samoohPreviewApi !== undefined);
  const card = page.getByRole('region', { name: 'Bundle no. 1', exact: true });
  await card.getByRole('button', { name: 'Prepare email to HQ' }).click();
  const outcome = page
    .getByRole('status')
    .filter({ has: page.getByRole('heading', { name: 'Email draft for bundle no. 1 prepared' }) });
  await expect(outcome).toBeVisible();
  const eml = (await outcome.locator('dt', { hasText: 'Email draft' }).locator('+ dd').textContent())!.trim();
  // The draft carries the very zip that went to the USB stick.
  const mail = readFileSync(eml, 'latin1');
  const b64 = /filename="(samooh-DEMO-\d{8}-1\.zip)"\r\n\r\n([A-Za-z0-9+/=\r\n]+)\r\n--/.exec(mail)!;
  expect(b64[1]).toBe(path.basename(bundles[0]!.file));
  expect(Buffer.from(b64[2]!.replace(/\r\n/g, ''), 'base64').equals(readFileSync(bundles[0]!.file))).toBe(true);
  await expect(card).toContainText('Folder / USB');
  await expect(card).toContainText('Email');
  const next = page.getByRole('region', { name: 'Next bundle' });
  await expect(next.locator('dt', { hasText: 'Bundle no.' }).locator('+ dd')).toHaveText('2');
  const rows = page.getByRole('region', { name: 'Bundles sent' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  const entries = (await s.harness.call('bundle.outbox', {})).entries;
  expect(entries.map((e) => [e.sequence, e.deliveries.map((d) => d.target)])).toEqual([[1, ['folder', 'email']]]);
  await settle(page);
  await shot(page, 'send-one-bundle-two-deliveries', testInfo);
  await setLanguage(page, 'hi');
  await expect(page.getByRole('region', { name: 'बंडल क्रमांक 1' })).toContainText('ईमेल');
  await expect(page.getByRole('button', { name: 'बंडल क्रमांक 2 बनाएँ' })).toBeVisible();
  await settle(page);
  await shot(page, 'send-one-bundle-two-deliveries-hi', testInfo);
  await setLanguage(page, 'en');
});

test('a second export is bundle no. 2, chained to the first, and verifies too', async () => {
  const file = await saveBundleThroughScreen(2, 'send-bundle-2-saved');
  const bag = unpack(file);
  bundles.push({ file, dir: bag });
  const v = minisignVerify(bag, pub);
  expect(v.status, `minisign: ${v.stdout}${v.stderr}`).toBe(0);
  checkManifest(bag, 'manifest-sha256.txt');
  checkManifest(bag, 'tagmanifest-sha256.txt');
  const info = bagInfo(bag);
  expect(info['Samooh-Sequence']).toBe('2');
  expect(info['Samooh-Previous-Tagmanifest-SHA256']).toBe(sha256(path.join(bundles[0]!.dir, 'tagmanifest-sha256.txt')));

  const rows = page.getByRole('region', { name: 'Bundles sent' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('cell').nth(0)).toHaveText('2'); // newest first
  await expect(rows.nth(2).getByRole('cell').nth(0)).toHaveText('1');
  const entries = (await s.harness.call('bundle.outbox', {})).entries;
  expect(entries.map((e) => e.sequence).sort()).toEqual([1, 2]);
  await shot(page, 'send-outbox-two-bundles', test.info());
  expect(s.pageErrors).toEqual([]);
});
