// HQ's signed policy, district side: status, trusting the HQ key, importing a signed policy.
// HQ mode in the app (SPEC §8): the HQ store the session holds, its report, trust and imports.
import { existsSync } from 'node:fs';
import { reasonError } from '../../contract/errors.js';
import { importBundles } from '../../services/hq/import.js';
import { importSignedPolicyFile, policyStatus, trustHqKeyFile } from '../../services/hq/policy-district.js';
import { districtDetail, hqReport, setHqTargets } from '../../services/hq/report.js';
import { readSmallFile } from '../../services/hq/small-file.js';
import { writeStateReportPdf } from '../../services/hq/state-report.js';
import { createHqStore, hqInfo } from '../../services/hq/store.js';
import { listTrustedKeys, retireKey, trustDistrictKey } from '../../services/hq/trust.js';
import { keyProtectorOf, printToPdfOf, type HandlerContext } from '../context.js';
import type { HqSlot } from '../hq-session.js';
import { implement } from '../define.js';

function slotOf(ctx: HandlerContext): HqSlot {
  if (!ctx.session.hq)
    throw reasonError('INTERNAL', 'hq_mode_unavailable', 'HQ mode is not available in this program.');
  return ctx.session.hq;
}

const hqDb = (ctx: HandlerContext) => slotOf(ctx).db();

function status(ctx: HandlerContext) {
  const db = slotOf(ctx).peek();
  if (!db) return { open: false as const };
  return { open: true as const, file: db.file, ...hqInfo(db) };
}

export const hqHandlers = implement({
  'policy.status': (_a, ctx) => policyStatus(ctx.session.db(), ctx),
  'policy.trustHq': async (a, ctx) => {
    const file =
      a.file ??
      (await ctx.dialogs.openFile({
        title: 'HQ public key',
        filters: [{ name: 'minisign public key', extensions: ['pub'] }],
      }));
    if (file === null) return { cancelled: true as const };
    return { cancelled: false as const, ...trustHqKeyFile(ctx.session.db(), file, ctx, { replace: a.replace }) };
  },
  'policy.import': async (a, ctx) => {
    const file =
      a.file ??
      (await ctx.dialogs.openFile({
        title: 'Policy from HQ',
        filters: [{ name: 'Samooh policy', extensions: ['json'] }],
      }));
    if (file === null) return { cancelled: true as const };
    return { cancelled: false as const, ...importSignedPolicyFile(ctx.session.db(), file, ctx) };
  },

  'hq.status': (_a, ctx) => status(ctx),
  'hq.create': async (a, ctx) => {
    const slot = slotOf(ctx);
    // Fails before any file is made when this program cannot protect a key.
    const protector = keyProtectorOf(ctx);
    const file = slot.defaultFile();
    if (existsSync(file)) {
      slot.open(file);
    } else {
      await createHqStore(file, { name: a.name, nameHi: a.nameHi, protector }, ctx);
      slot.open(file);
    }
    return status(ctx);
  },
  'hq.open': async (a, ctx) => {
    const file =
      a.file ??
      (await ctx.dialogs.openFile({
        title: 'HQ database',
        filters: [{ name: 'Samooh HQ database', extensions: ['sqlite'] }],
      }));
    if (file === null) return { cancelled: true as const };
    slotOf(ctx).open(file);
    return { cancelled: false as const, ...status(ctx) };
  },
  'hq.close': async (_a, ctx) => {
    await slotOf(ctx).close({ forget: true });
    return { closed: true };
  },
  'hq.report': (a, ctx) => hqReport(hqDb(ctx), ctx, a.silentDays !== undefined ? { silentDays: a.silentDays } : {}),
  'hq.district': (a, ctx) => districtDetail(hqDb(ctx), a.code),
  'hq.reportPdf': (a, ctx) =>
    writeStateReportPdf(
      hqDb(ctx),
      a.file,
      printToPdfOf(ctx),
      ctx,
      a.silentDays !== undefined ? { silentDays: a.silentDays } : {},
    ),
  'hq.openFile': async (a, ctx) => {
    // The dialogs' openPath opens only files this run of the app wrote (OpenablePaths).
    await ctx.dialogs.openPath(a.file);
    return { opened: true as const };
  },
  'hq.targets.set': (a, ctx) => {
    const patch = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Parameters<
      typeof setHqTargets
    >[1];
    return setHqTargets(hqDb(ctx), patch);
  },
  'hq.import': async (a, ctx) => {
    const db = hqDb(ctx);
    let paths = a.paths;
    if (paths.length === 0) {
      // Many bundles in one go, or a folder (walked for .zip files, bounded: import-files.ts).
      if (a.pick === 'folder') {
        const folder = await ctx.dialogs.openFolder({ title: 'Folder of bundles' });
        paths = folder === null ? [] : [folder];
      } else {
        paths =
          (await ctx.dialogs.openFiles({
            title: 'Bundles from the districts',
            filters: [{ name: 'Samooh bundle', extensions: ['zip'] }],
          })) ?? [];
      }
      if (paths.length === 0) return { cancelled: true as const };
    }
    return { cancelled: false as const, ...(await importBundles(db, paths, ctx)) };
  },
  'hq.trust': async (a, ctx) => {
    const db = hqDb(ctx);
    const file =
      a.file ??
      (await ctx.dialogs.openFile({
        title: 'District public key',
        filters: [{ name: 'minisign public key', extensions: ['pub'] }],
      }));
    if (file === null) return { cancelled: true as const };
    const text = readSmallFile(file, 'public key file').toString('utf8');
    const key = trustDistrictKey(
      db,
      {
        district: a.district,
        publicKeyText: text,
        ...(a.name !== undefined ? { name: a.name } : {}),
        nameHi: a.nameHi,
        label: a.label,
      },
      ctx,
    );
    return { cancelled: false as const, key };
  },
  'hq.keys': (a, ctx) => ({ keys: listTrustedKeys(hqDb(ctx), a.district) }),
  'hq.retire': (a, ctx) =>
    retireKey(
      hqDb(ctx),
      { district: a.district, keyId: a.keyId.toUpperCase(), ...(a.from ? { from: a.from } : {}) },
      ctx,
    ),
});
