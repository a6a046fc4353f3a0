// The HQ app's "State report (PDF)": hq.reportPdf writes the report through the program's PDF
// printer (Chromium here, as in the preview; Electron's printToPDF in the app) to the file the
// user chose, with progress; hq.openFile hands it to the OS viewer. Bad arguments are refused by
// the call's schema, a missing printer or an unwritable place with a clear error, nothing written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrintToPdf } from '../../../electron/harness/preview-platform.js';
import { call, ok, testContext } from '../../fixtures/context.js';
import { exportBundle, makeDistrict, scratchDir } from './fixtures.js';

let scratch: ReturnType<typeof scratchDir>;
const pubs: Record<string, string> = {};
const bundles: string[] = [];

beforeAll(async () => {
  scratch = scratchDir();
  const out = path.join(scratch.dir, 'out');
  mkdirSync(out);
  for (const [i, code] of ['PAT', 'GAY', 'NAL'].entries()) {
    const d = await makeDistrict(scratch.dir, code, i + 1);
    pubs[code] = d.pubFile;
    bundles.push((await exportBundle(d, out, new Date(`2026-11-2${i}T10:00:00Z`))).file);
    await d.db.close();
  }
}, 120_000);

afterAll(() => scratch.remove());

describe('hq.reportPdf and hq.openFile', () => {
  it('writes the state report PDF to the chosen file with progress, then opens it', async () => {
    const ctx = testContext({ dataDir: path.join(scratch.dir, 'app'), now: new Date('2026-11-28T10:00:00Z') });
    await ok(ctx, 'hq.create', { name: 'Police HQ Bihar', nameHi: 'पुलिस मुख्यालय' });
    await ok(ctx, 'hq.trust', { district: 'PAT', file: pubs.PAT!, name: 'Patna', nameHi: 'पटना' });
    await ok(ctx, 'hq.trust', { district: 'GAY', file: pubs.GAY!, name: 'Gaya' });
    await ok(ctx, 'hq.trust', { district: 'NAL', file: pubs.NAL!, name: 'Nalanda' });
    await ok(ctx, 'hq.import', { paths: bundles });
    const file = path.join(scratch.dir, 'State report.pdf');

    // No printer in this program: a clear error, no file.
    const noPrinter = await call(ctx, 'hq.reportPdf', { file });
    expect(noPrinter).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: /Printing to PDF is not available/ },
    });
    expect(existsSync(file)).toBe(false);

    ctx.setPlatform({ printToPdf: chromiumPrintToPdf('/usr/bin/chromium') });
    ctx.progressEvents.length = 0;
    const w = await ok(ctx, 'hq.reportPdf', { file, silentDays: 7 });
    expect(w).toMatchObject({ file, districts: 3, generatedAt: '2026-11-28T10:00:00.000Z' });
    expect(w.bytes).toBe(readFileSync(file).length);
    expect(ctx.progressEvents.map((p) => p.phase)).toEqual(['read', 'render', 'write', 'write']);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const word of ['Police HQ Bihar', '28-11-2026 15:30', '2,00,000', 'PAT', 'GAY', 'NAL', 'पटना', 'राज्य'])
      expect(text).toContain(word);

    expect(await ok(ctx, 'hq.openFile', { file })).toEqual({ opened: true });
    expect(ctx.opened).toEqual([file]);
    await ctx.session.hq?.close();
  }, 120_000);

  it('refuses a relative path, a name not ending in .pdf, and a folder that does not exist', async () => {
    const ctx = testContext({ dataDir: path.join(scratch.dir, 'app2') });
    await ok(ctx, 'hq.create', { name: 'HQ' });
    ctx.setPlatform({ printToPdf: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 32)]) });
    for (const file of ['state.pdf', path.join(scratch.dir, 'state.txt')]) {
      const r = await call(ctx, 'hq.reportPdf', { file });
      expect(r, file).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    }
    const missing = path.join(scratch.dir, 'gone', 'state.pdf');
    const r = await call(ctx, 'hq.reportPdf', { file: missing });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: /Cannot write/ } });
    expect(existsSync(path.dirname(missing))).toBe(false);
    expect(await call(ctx, 'hq.openFile', { file: 'relative.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    await ctx.session.hq?.close();
  });
});
