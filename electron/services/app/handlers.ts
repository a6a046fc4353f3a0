// App-level handlers: status for the first-run gate, creating/opening registers, and the file
// dialogs (through the handler map so tests and the browser harness can drive them).
import { z } from 'zod';
import pkg from '../../../package.json' with { type: 'json' };
import { getSetting } from '../../../db/settings.js';
import { handler } from '../../backend/define.js';
import { writeAppState } from '../../backend/session.js';
import { codeSchema, nameSchema, optionalText } from '../register/inputs.js';
import { createDistrictKey, districtKeyInfo } from '../bundle/keys.js';
import { platformKeyProtector } from '../bundle/platform.js';
import { DEMO_DISTRICT, fillDemoIfEmpty } from '../compliance/demo.js';
import { initialiseRegister, openAndRemember, registerPath } from './register-file.js';

const workbookFilters = [
  { name: 'Excel workbook / CSV', extensions: ['xlsx', 'csv'] },
  { name: 'All files', extensions: ['*'] },
];

const saveFilters: Record<'xlsx' | 'pdf' | 'eml' | 'pub', { name: string; extensions: string[] }[]> = {
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  eml: [{ name: 'Email draft', extensions: ['eml'] }],
  pub: [{ name: 'minisign public key', extensions: ['pub'] }],
};

export const appHandlers = {
  'app.status': handler(z.object({}), (_a, ctx) => {
    const has = ctx.session.hasDb();
    const db = has ? ctx.session.db() : undefined;
    return {
      version: pkg.version,
      dataDir: ctx.session.dataDir,
      hasRegister: has,
      registerFile: db?.file ?? null,
      district: db ? (getSetting(db, 'district') ?? null) : null,
      mode: db ? (getSetting(db, 'mode') ?? 'district') : null,
      keyId: db ? (districtKeyInfo(db)?.keyId ?? null) : null,
    };
  }),

  'app.createRegister': handler(
    z.object({
      code: codeSchema.pipe(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')),
      name: nameSchema,
      nameHi: optionalText,
    }),
    async (a, ctx) => {
      const code = a.code.toUpperCase();
      // Fails before any file is made when this program cannot protect a key.
      const protector = platformKeyProtector();
      const db = openAndRemember(ctx, registerPath(ctx, code));
      initialiseRegister(db, { code, name: a.name, nameHi: a.nameHi }, ctx.operator, ctx.now());
      // Re-running first run on an existing register keeps its key.
      const key = districtKeyInfo(db) ?? (await createDistrictKey(db, protector, ctx.operator, ctx.now()));
      return { file: db.file, district: getSetting(db, 'district')!, keyId: key.keyId };
    },
  ),

  // The demo district, to look around before entering real data: its own file, filled once,
  // with its own key (so "Send to HQ" works on it too).
  'app.openDemo': handler(z.object({}), async (_a, ctx) => {
    const protector = platformKeyProtector();
    const db = openAndRemember(ctx, registerPath(ctx, 'demo'));
    const district = getSetting(db, 'district') ?? DEMO_DISTRICT;
    initialiseRegister(db, { ...district, nameHi: district.nameHi ?? null }, ctx.operator, ctx.now());
    const filled = fillDemoIfEmpty(db, {
      scale: 'district',
      now: ctx.now(),
      operator: ctx.operator,
      progress: ctx.progress,
    });
    const key = districtKeyInfo(db) ?? (await createDistrictKey(db, protector, ctx.operator, ctx.now()));
    return { file: db.file, district: getSetting(db, 'district')!, keyId: key.keyId, filled: filled?.counts ?? null };
  }),

  'app.closeRegister': handler(z.object({}), async (_a, ctx) => {
    await ctx.session.close();
    writeAppState(ctx.session.dataDir, {});
    return { closed: true };
  }),

  'dialog.openWorkbook': handler(z.object({}), async (_a, ctx) => ({
    path: await ctx.dialogs.openFile({ title: 'Open register workbook', filters: workbookFilters }),
  })),

  'dialog.chooseFolder': handler(z.object({ title: z.string().max(200).optional() }), async (a, ctx) => ({
    path: await ctx.dialogs.openFolder({ title: a.title ?? 'Choose a folder' }),
  })),

  'dialog.saveFile': handler(
    z.object({ defaultName: z.string().min(1).max(200), kind: z.enum(['xlsx', 'pdf', 'eml', 'pub']) }),
    async (a, ctx) => ({
      path: await ctx.dialogs.saveFile({ title: 'Save', defaultName: a.defaultName, filters: saveFilters[a.kind] }),
    }),
  ),
};
