// Importing many bundles at HQ (SPEC §8, issue 8): two bundles chosen at once in the file dialog,
// then bundles dropped on the import page — a good one, one HQ already holds, a tampered one and
// a file that is not a bundle — with the real drop events a browser sends (a DataTransfer built
// in the page), and a drop on the dashboard, which lands on the import page. The browser preview
// uploads the dropped bytes to the harness (the Electron app asks the preload for their paths);
// the results and the dashboard figures are checked in English and Hindi, with screenshots at
// 1366×768. The districts are made with the built CLI, as in hq-app.spec.ts.
/* eslint-disable no-empty-pattern -- Playwright needs the object pattern even when a test uses no fixture */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { samoohJson } from '../../fixtures/cli.js';
import { openSession, setLanguage, settle, shot, type Session } from '../fixtures/session.js';

test.describe.configure({ mode: 'serial' });

let s: Session;
let page: Page;
let dir: string;
const bundles: Record<string, { zips: string[]; pub: string; citizens: number }> = {};

const samooh = (args: string[]): unknown => samoohJson(dir, args);

/** A demo district with `count` bundles in sequence, and its public key. */
function district(code: string, name: string, nameHi: string, seed: string, count: number) {
  const db = path.join(dir, `${code}.sqlite`);
  samooh(['init', '--db', db, '--district', code, '--name', name, '--name-hi', nameHi]);
  samooh(['demo', '--db', db, '--seed', seed]);
  const out = path.join(dir, 'usb', code);
  mkdirSync(out, { recursive: true });
  const zips: string[] = [];
  let citizens = 0;
  for (let i = 0; i < count; i++) {
    const b = samooh(['bundle', 'export', '--db', db, '--out', out]) as { file: string; figures: { citizens: number } };
    zips.push(b.file);
    citizens = b.figures.citizens;
  }
  const pub = path.join(dir, `${code}.pub`);
  samooh(['key', 'export', '--db', db, '--out', pub]);
  bundles[code] = { zips, pub, citizens };
}

/** The bundle with one figure of its summary changed after signing (entries are stored, not deflated). */
function tampered(zip: string, out: string): string {
  const bytes = Buffer.from(readFileSync(zip));
  const i = bytes.indexOf('"units": ');
  if (i < 0) throw new Error('no units figure in the bundle');
  bytes[i + 9] = bytes[i + 9] === 0x39 ? 0x38 : bytes[i + 9]! + 1;
  writeFileSync(out, bytes);
  return out;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  s = await openSession(browser);
  page = s.page;
  dir = path.join(s.dataDir, 'districts');
  mkdirSync(dir);
  district('PAT', 'Patna', 'पटना', '2019', 2);
  district('GAY', 'Gaya', 'गया', '7', 1);
});

test.afterAll(async () => {
  await s?.close();
});

type Dropped = { name: string; file: string } | { name: string; text: string };

/**
 * What a browser sends when files are dragged from the desktop onto `target`: dragenter,
 * dragover and (unless `hold`) drop, each carrying one DataTransfer with the files in it.
 */
async function dragFiles(target: Locator, files: Dropped[], opts: { hold?: boolean } = {}) {
  const payload = files.map((f) => ({
    name: f.name,
    b64: 'file' in f ? readFileSync(f.file).toString('base64') : Buffer.from(f.text).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.name.endsWith('.zip') ? 'application/zip' : 'text/plain' }));
    }
    return dt;
  }, payload);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  if (!opts.hold) await target.dispatchEvent('drop', { dataTransfer });
  return dataTransfer;
}

const n = (x: number) => x.toLocaleString('en-IN');
const nav = () => page.getByRole('navigation', { name: /^(HQ sections|मुख्यालय के भाग)$/ });
const summary = () => page.getByRole('status').filter({ hasText: /accepted|स्वीकार/ });

test('many bundles from the dialog, then a drop of four files: accepted, already held, refused with reasons', async ({}, testInfo) => {
  test.setTimeout(90_000);
  // HQ mode and the two districts' keys, through the API (hq-app.spec.ts covers those screens).
  const card = page.getByRole('region', { name: 'This PC is at HQ' });
  await card.getByRole('button', { name: 'Set up HQ' }).click();
  await card.getByRole('textbox', { name: 'Name of HQ', exact: true }).fill('Police HQ Bihar');
  await card.getByRole('button', { name: 'Set up HQ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'HQ dashboard' })).toBeVisible();
  for (const [code, name] of [
    ['PAT', 'Patna'],
    ['GAY', 'Gaya'],
  ] as const) {
    await page.evaluate(
      ([district, file, name]) => window.samoohPreviewApi!.call('hq.trust', { district, file, name }),
      [code, bundles[code]!.pub, name] as const,
    );
  }

  await nav().getByRole('link', { name: 'Import bundles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import bundles' })).toBeVisible();
  const zone = page.getByTestId('hq-drop-zone');
  await expect(zone).toContainText('Drop bundles (.zip) or folders of bundles here');
  await expect(zone).toContainText('Anything that is not a .zip bundle or a folder is refused.');

  // Patna's two bundles chosen together in one file dialog (the preview's stand-in takes one path a line).
  await page.getByRole('button', { name: 'Choose bundles…' }).click();
  const dialog = page.getByTestId('preview-dialog');
  await expect(dialog).toContainText('Choose files');
  await page.getByTestId('preview-dialog-path').fill(bundles.PAT!.zips.join('\n'));
  await page.getByTestId('preview-dialog-ok').click();
  await expect(summary()).toHaveText('2 accepted, 0 already held, 0 refused');

  // Files dragged over the window: the drop zone says what a drop will do.
  const held = await dragFiles(zone, [{ name: 'x.zip', text: 'PK' }], { hold: true });
  await expect(zone).toHaveClass(/is-dragging/);
  await expect(zone).toContainText('Release to import these bundles');
  await settle(page);
  await shot(page, 'screen-en-hq-import-dragging', testInfo);
  await zone.dispatchEvent('dragleave', { dataTransfer: held });
  await expect(zone).not.toHaveClass(/is-dragging/);

  const gaya = bundles.GAY!.zips[0]!;
  const drop: Dropped[] = [
    { name: path.basename(gaya), file: gaya },
    { name: path.basename(bundles.PAT!.zips[0]!), file: bundles.PAT!.zips[0]! },
    { name: 'samooh-GAY-changed.zip', file: tampered(gaya, path.join(dir, 'changed.zip')) },
    { name: 'covering letter.txt', text: 'Sir, please find the bundle attached.' },
  ];
  await dragFiles(zone, drop);
  await expect(summary()).toHaveText('1 accepted, 1 already held, 2 refused');
  const result = page.getByRole('table', { name: 'Result' });
  const row = (name: string) => result.getByRole('row').filter({ hasText: name });
  await expect(row(path.basename(gaya))).toContainText('accepted');
  await expect(row(path.basename(gaya))).toContainText('GAY');
  await expect(row(path.basename(bundles.PAT!.zips[0]!))).toContainText('already held');
  await expect(row(path.basename(bundles.PAT!.zips[0]!))).toContainText(
    'HQ already holds this bundle; nothing changed',
  );
  await expect(row('samooh-GAY-changed.zip')).toContainText('refused');
  await expect(row('samooh-GAY-changed.zip')).toContainText('contents damaged or incomplete');
  await expect(row('covering letter.txt')).toContainText('not a .zip bundle or a folder');
  // The dropped bytes went to the harness's uploads folder, under their own names; the letter never left the page.
  const uploaded = readdirSync(path.join(s.dataDir, 'uploads'), { recursive: true })
    .map(String)
    .filter((f) => f.includes('.'))
    .map((f) => path.basename(f))
    .sort();
  expect(uploaded).toEqual(
    [path.basename(gaya), path.basename(bundles.PAT!.zips[0]!), 'samooh-GAY-changed.zip'].sort(),
  );
  await settle(page);
  await shot(page, 'screen-en-hq-import-dropped', testInfo);

  await nav().getByRole('link', { name: 'HQ dashboard' }).click();
  await expect(page.getByText('2 of 2 districts reporting')).toBeVisible();
  const members = page.locator('.kpi').filter({ hasText: 'Members (citizens)' });
  await expect(members).toContainText(n(bundles.PAT!.citizens + bundles.GAY!.citizens));
  const table = page.getByRole('table', { name: 'Districts' });
  await expect(table.getByRole('row', { name: /Patna/ })).toContainText(n(bundles.PAT!.citizens));
  await expect(table.getByRole('row', { name: /Gaya/ })).toContainText(n(bundles.GAY!.citizens));
  expect(s.pageErrors).toEqual([]);
});

test('in Hindi, a drop anywhere on the HQ window opens the import page and shows the result', async ({}, testInfo) => {
  test.setTimeout(60_000);
  await setLanguage(page, 'hi');
  await expect(page.getByRole('heading', { level: 1, name: 'मुख्यालय डैशबोर्ड' })).toBeVisible();
  const main = page.locator('main');
  const held = await dragFiles(main, [{ name: 'x.zip', text: 'PK' }], { hold: true });
  await expect(page.getByTestId('hq-drop-overlay')).toContainText('बंडलों का आयात करने के लिए यहाँ छोड़ें');
  await settle(page);
  await shot(page, 'screen-hi-hq-import-drop-anywhere', testInfo);
  await main.dispatchEvent('dragleave', { dataTransfer: held });
  await expect(page.getByTestId('hq-drop-overlay')).toHaveCount(0);

  const gaya = bundles.GAY!.zips[0]!;
  await dragFiles(main, [
    { name: path.basename(gaya), file: gaya },
    { name: path.basename(bundles.PAT!.zips[1]!), file: bundles.PAT!.zips[1]! },
    { name: 'samooh-GAY-changed.zip', file: path.join(dir, 'changed.zip') },
    { name: 'सूची.xlsx', text: 'not a bundle' },
  ]);
  await expect(page.getByRole('heading', { level: 1, name: 'बंडल आयात' })).toBeVisible();
  await expect(summary()).toHaveText('0 स्वीकार, 2 पहले से हैं, 2 अस्वीकार');
  const result = page.getByRole('table', { name: 'परिणाम' });
  await expect(result.getByRole('row').filter({ hasText: path.basename(gaya) })).toContainText(
    'मुख्यालय के पास यह बंडल पहले से है; कुछ नहीं बदला',
  );
  await expect(result.getByRole('row').filter({ hasText: 'samooh-GAY-changed.zip' })).toContainText(
    'सामग्री ख़राब या अधूरी',
  );
  await expect(result.getByRole('row').filter({ hasText: 'सूची.xlsx' })).toContainText('.zip बंडल या फ़ोल्डर नहीं है');
  await expect(page.getByTestId('hq-drop-zone')).toContainText('बंडल (.zip) या बंडलों वाले फ़ोल्डर यहाँ छोड़ें');
  await settle(page);
  await shot(page, 'screen-hi-hq-import-dropped', testInfo);

  await nav().getByRole('link', { name: 'मुख्यालय डैशबोर्ड' }).click();
  await expect(page.getByText('2 में से 2 ज़िलों की रिपोर्ट')).toBeVisible();
  await setLanguage(page, 'en');
  expect(s.pageErrors).toEqual([]);
});
