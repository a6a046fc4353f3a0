// Errors a clerk meets carry a reason code and its values (issue #11): a few refusals reached
// through the real handlers on real files — a damaged backup, a wrong passphrase, a workbook
// with a cell longer than Excel allows, arguments zod refuses — each with the reason the
// renderer words in Hindi and English, and the values it names.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passphraseProtector } from '../../../electron/services/bundle/keys.js';
import { namespaces } from '../../../renderer/i18n/index.js';
import { call, ok, testContext, TEST_KDF_COST } from '../../fixtures/context.js';
import { tempDir } from '../../fixtures/temp.js';
import { simple, tamper } from '../../unit/register-io/xlsx-craft.js';

async function district() {
  const ctx = testContext({ now: new Date('2026-01-05T10:30:00Z') });
  await ok(ctx, 'app.createRegister', { code: 'PAT', name: 'Patna', nameHi: 'पटना' });
  return ctx;
}

/** The error's reason, checked to be worded in both languages with the values it carries. */
function reasonOf(r: { ok: boolean; error?: { code: string; details?: unknown } }) {
  expect(r.ok).toBe(false);
  const d = r.error!.details as { reason: string; params: Record<string, unknown> };
  const en = (namespaces.errors.en.reason as Record<string, string>)[d.reason];
  const hi = (namespaces.errors.hi.reason as Record<string, string>)[d.reason];
  expect(en, d.reason).toBeTruthy();
  expect(hi, d.reason).toBeTruthy();
  for (const m of `${en}${hi}`.matchAll(/\{\{(\w+)\}\}/g))
    expect(d.params, `${d.reason}: ${m[1]}`).toHaveProperty(m[1]!);
  return { code: r.error!.code, reason: d.reason, params: d.params };
}

describe('refusals carry a reason code and its values', () => {
  it('a damaged backup', async () => {
    const ctx = await district();
    const file = path.join(tempDir(), 'notes.sqlite');
    writeFileSync(file, 'these are notes, not a register\n'.repeat(20));
    const r = await call(ctx, 'backup.inspect', { file });
    expect(reasonOf(r)).toEqual({ code: 'BAD_FILE', reason: 'backup_not_sqlite', params: { file: 'notes.sqlite' } });
    expect(r.ok ? null : (r.error.details as { refusal: string }).refusal).toBe('not_sqlite');
  });

  it('a wrong passphrase for the district key', async () => {
    const ctx = await district();
    ctx.setPlatform({ keyProtector: passphraseProtector({ passphrase: 'not the passphrase', cost: TEST_KDF_COST }) });
    const r = await call(ctx, 'bundle.make', {});
    expect(reasonOf(r)).toEqual({ code: 'KEY_LOCKED', reason: 'key_passphrase_wrong', params: {} });
  });

  it('a workbook cell longer than Excel allows, naming the file, the sheet and the limit', async () => {
    const ctx = await district();
    const buf = await tamper(await simple(), (parts) => {
      const xml = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
      const big = 'y'.repeat(33_000);
      parts.set(
        'xl/worksheets/sheet1.xml',
        Buffer.from(
          xml.replace(
            '</sheetData>',
            `<row r="9"><c r="A9" t="inlineStr"><is><t>${big}</t></is></c></row></sheetData>`,
          ),
        ),
      );
    });
    const file = path.join(tempDir(), 'old register.xlsx');
    writeFileSync(file, buf);
    const r = await call(ctx, 'import.preview', { file });
    expect(reasonOf(r)).toEqual({
      code: 'BAD_FILE',
      reason: 'xlsx_sheet_cell_too_long',
      params: { file: 'old register.xlsx', sheet: 'members', limit: '32,767' },
    });
  });

  it('a file that is not there', async () => {
    const ctx = await district();
    const r = await call(ctx, 'import.preview', { file: path.join(tempDir(), 'gone.xlsx') });
    expect(reasonOf(r)).toMatchObject({ code: 'BAD_FILE', reason: 'file_not_found', params: { file: 'gone.xlsx' } });
  });

  it('arguments zod refuses name their fields', async () => {
    const ctx = await district();
    const r = await call(ctx, 'units.create', { code: '', name: 'x', type: 'nonsense' } as never);
    const { code, reason, params } = reasonOf(r);
    expect([code, reason]).toEqual(['BAD_INPUT', 'invalid_input']);
    expect(String(params.fields).split(', ')).toEqual(expect.arrayContaining(['code', 'type']));
  });
});
