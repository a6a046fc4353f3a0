// First dashboard paint in Debian Chromium through the browser harness, with the demo district
// and with the state-size register. Floor: the same app's first-run screen (no register, no
// data) loaded in the same browser in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { openRegister } from '../../db/connection.js';
import { fillDemo, DEMO_DISTRICT } from '../../electron/services/demo/demo.js';
import { initialiseRegister } from '../../electron/services/register/district.js';
import { writeAppState } from '../../electron/backend/session.js';
import type { BenchRow } from './types.js';
import { median, round } from './stats.js';
import { rawOf } from '../../db/raw.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

async function startHarness(root: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'dist/node/harness.js'), '--data-dir', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`harness exited ${code}: ${out}`)));
  });
  return { url, child };
}

/** A data folder whose remembered register is a filled demo register of the given scale. */
function dataDirWith(scale: 'district' | 'state' | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), `samooh-bench-ui-${scale ?? 'empty'}-`));
  if (scale) {
    const file = path.join(dir, 'DEMO.sqlite');
    const db = openRegister(file);
    initialiseRegister(db, { ...DEMO_DISTRICT }, 'bench', new Date());
    fillDemo(db, { scale, now: new Date('2026-11-28T00:00:00Z') });
    rawOf(db).close();
    writeAppState(dir, { lastRegister: file });
  }
  return dir;
}

/** Milliseconds from navigation until every selector is visible, over fresh pages; first and median. */
async function paint(
  browser: Browser,
  url: string,
  selectors: string[],
  runs: number,
): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url);
    for (const selector of selectors) {
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: 60_000 });
    }
    times.push(performance.now() - t0);
    await context.close();
  }
  return { first: times[0]!, median: median(times) };
}

export async function benchUi(root: string): Promise<BenchRow[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows: BenchRow[] = [];
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  try {
    const empty = dataDirWith(null);
    dirs.push(empty);
    const h0 = await startHarness(root, empty);
    children.push(h0.child);
    const floor = await paint(browser, h0.url, ['form'], 5);

    for (const scale of ['district', 'state'] as const) {
      const dir = dataDirWith(scale);
      dirs.push(dir);
      const h = await startHarness(root, dir);
      children.push(h.child);
      // Dashboard painted = its figures and its Recharts charts are on screen.
      const t = await paint(browser, h.url, ['.kpis', '.recharts-surface'], 5);
      rows.push({
        name: `first dashboard paint, ${scale === 'district' ? 'demo district' : 'state-size register'} (median of 5 fresh pages; first ${Math.round(t.first)} ms)`,
        value: round(t.median),
        unit: 'ms',
        floor: round(floor.median),
        ratio: round(t.median / floor.median, 2),
        // 1 s on a quiet machine; on a busy one the empty first-run page (the floor, same harness and
        // browser) slows as much, so the ratio to it decides.
        target: '≤ 1,000 ms or ≤ 2.5× the empty page',
        pass: t.median <= 1000 || t.median / floor.median <= 2.5,
      });
    }
  } finally {
    await browser.close();
    for (const c of children) c.kill();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return rows;
}
