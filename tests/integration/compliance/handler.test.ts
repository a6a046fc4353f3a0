// `compliance.report` through the one handler map, as the app and the CLI call it: input checked
// by zod, errors as data, the report of the open register.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch.js';
import { handlers } from '../../../electron/backend/handlers.js';
import { FileSession } from '../../../electron/backend/session.js';
import type { HandlerContext } from '../../../electron/backend/context.js';
import type { ComplianceReport } from '../../../electron/services/compliance/types.js';
import { addGroup, addUnit, fillGroup, makeRegister } from '../../fixtures/builders.js';
import { tempDir } from '../../fixtures/temp.js';

const NOW = new Date('2026-04-01T06:00:00.000Z');

function context(session: FileSession): HandlerContext {
  const refuse = async (): Promise<never> => {
    throw new Error('no dialogs in this test');
  };
  return {
    session,
    operator: 'test',
    dialogs: { openFile: refuse, openFiles: refuse, openFolder: refuse, saveFile: refuse, openPath: refuse },
    progress: () => {},
    signal: new AbortController().signal,
    now: () => NOW,
    platform: {},
  };
}

describe('compliance.report', () => {
  it('returns the report of the open register, stamped with the context clock', async () => {
    const reg = makeRegister({ code: 'PAT', name: 'Patna' });
    addUnit(reg.db, { code: 'PAT-T-A', type: 'thana' });
    fillGroup(reg.db, addGroup(reg.db, { unit: 'PAT-T-A' }).id, 120);
    await reg.db.close();

    const session = new FileSession(tempDir());
    session.open(reg.file);
    try {
      const r = await dispatch(handlers, 'compliance.report', {}, context(session));
      expect(r.ok).toBe(true);
      const report = (r as { ok: true; value: ComplianceReport }).value;
      expect(report.generatedAt).toBe(NOW.toISOString());
      expect(report.district).toEqual({ code: 'PAT', name: 'Patna', nameHi: null });
      expect(report.units).toEqual([
        expect.objectContaining({ code: 'PAT-T-A', status: 'short', members: 120, shortfall: 80 }),
      ]);
    } finally {
      await session.close();
    }
  });

  it('refuses unknown arguments and answers NO_REGISTER without an open register', async () => {
    const session = new FileSession(tempDir());
    const bad = await dispatch(handlers, 'compliance.report', { extra: 1 }, context(session));
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const none = await dispatch(handlers, 'compliance.report', {}, context(session));
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_REGISTER' } });
  });
});
