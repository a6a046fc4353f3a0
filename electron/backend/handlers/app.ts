// App-level handlers: status for the first-run gate, creating/opening registers, and the file
// dialogs (through the handler map so tests and the browser harness can drive them).
import pkg from '../../../package.json' with { type: 'json' };
import { getSetting } from '../../../db/settings.js';
import type { SAVE_KINDS } from '../../contract/calls/app.js';
import { createDistrictKey, districtKeyInfo } from '../../services/bundle/keys.js';
import { DEMO_DISTRICT, fillDemoIfEmpty } from '../../services/demo/demo.js';
import { initialiseRegister } from '../../services/register/district.js';
import { keyProtectorOf } from '../context.js';
import { implement } from '../define.js';
import { checkRegisterFile, openAndRemember, recentRegisters, registerPath } from '../registers.js';
import { forgetLastRegister } from '../session.js';

const workbookFilters = [
  { name: 'Excel workbook / CSV', extensions: ['xlsx', 'csv'] },
  { name: 'All files', extensions: ['*'] },
];

const registerFilters = [
  { name: 'Samooh register', extensions: ['sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
];

const saveFilters: Record<(typeof SAVE_KINDS)[number], { name: string; extensions: string[] }[]> = {
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  eml: [{ name: 'Email draft', extensions: ['eml'] }],
  pub: [{ name: 'minisign public key', extensions: ['pub'] }],
  csv: [{ name: 'CSV (Excel)', extensions: ['csv'] }],
};

export const appHandlers = implement({
  'app.status': (_a, ctx) => {
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
  },

  'app.createRegister': async (a, ctx) => {
    const code = a.code.toUpperCase();
    // Fails before any file is made when this program cannot protect a key.
    const protector = keyProtectorOf(ctx);
    const db = openAndRemember(ctx, registerPath(ctx, code));
    initialiseRegister(db, { code, name: a.name, nameHi: a.nameHi }, ctx.operator, ctx.now());
    // Re-running first run on an existing register keeps its key.
    const key = districtKeyInfo(db) ?? (await createDistrictKey(db, protector, ctx.operator, ctx.now()));
    return { file: db.file, district: getSetting(db, 'district')!, keyId: key.keyId };
  },

  // The demo district, to look around before entering real data: its own file, filled once,
  // with its own key (so "Send to HQ" works on it too).
  'app.openDemo': async (_a, ctx) => {
    const protector = keyProtectorOf(ctx);
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
  },

  'app.openRegister': (a, ctx) => {
    checkRegisterFile(a.path);
    // The register already open stays as it is (no second connection to the same file).
    const open = ctx.session.hasDb() ? ctx.session.db() : undefined;
    const db = open && open.file === a.path ? open : openAndRemember(ctx, a.path);
    return { file: db.file, district: getSetting(db, 'district')! };
  },

  'app.recentRegisters': (_a, ctx) => ({ registers: recentRegisters(ctx) }),

  'app.closeRegister': async (_a, ctx) => {
    await ctx.session.close();
    forgetLastRegister(ctx.session.dataDir);
    return { closed: true };
  },

  'dialog.openWorkbook': async (_a, ctx) => ({
    path: await ctx.dialogs.openFile({ title: 'Open register workbook', filters: workbookFilters }),
  }),
  'dialog.openRegister': async (_a, ctx) => ({
    path: await ctx.dialogs.openFile({ title: 'Open register', filters: registerFilters }),
  }),
  'dialog.chooseFolder': async (a, ctx) => ({
    path: await ctx.dialogs.openFolder({ title: a.title ?? 'Choose a folder' }),
  }),
  'dialog.saveFile': async (a, ctx) => ({
    path: await ctx.dialogs.saveFile({ title: 'Save', defaultName: a.defaultName, filters: saveFilters[a.kind] }),
  }),
});
