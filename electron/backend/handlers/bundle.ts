// "Send to HQ" (SPEC §7) and the district key. The key is unlocked through the platform's
// protector on the context (safeStorage in the app, a passphrase in the CLI).
import { districtKeyInfo } from '../../services/bundle/keys.js';
import {
  deliverBundle,
  emailBundle,
  emailSettings,
  exportBundle,
  exportPublicKey,
  makeBundle,
  outbox,
  previewBundle,
  reportPdfFile,
  setEmailSettings,
} from '../../services/bundle/send.js';
import { keyProtectorOf, printToPdfOf } from '../context.js';
import { implement } from '../define.js';

export const bundleHandlers = implement({
  'key.info': (_a, ctx) => districtKeyInfo(ctx.session.db()),
  'key.exportPublic': (a, ctx) => exportPublicKey(ctx.session.db(), a.file),
  'bundle.preview': (a, ctx) => previewBundle(ctx.session.db(), a.withMembers, ctx),
  'bundle.make': (a, ctx) =>
    makeBundle(ctx.session.db(), { withMembers: a.withMembers, keyProtector: keyProtectorOf(ctx) }, ctx),
  'bundle.deliver': async (a, ctx) => {
    const r = deliverBundle(ctx.session.db(), a.sequence, a.to, ctx);
    if (r.eml) await ctx.dialogs.openPath(r.eml);
    return r;
  },
  'bundle.export': (a, ctx) =>
    exportBundle(
      ctx.session.db(),
      { folder: a.folder, withMembers: a.withMembers, keyProtector: keyProtectorOf(ctx) },
      ctx,
    ),
  'bundle.email': async (a, ctx) => {
    const r = await emailBundle(
      ctx.session.db(),
      { withMembers: a.withMembers, keyProtector: keyProtectorOf(ctx) },
      ctx,
    );
    await ctx.dialogs.openPath(r.eml);
    return r;
  },
  'bundle.outbox': (_a, ctx) => outbox(ctx.session.db()),
  'bundle.reportPdf': (a, ctx) => reportPdfFile(ctx.session.db(), a.file, printToPdfOf(ctx), ctx),
  'settings.email.get': (_a, ctx) => emailSettings(ctx.session.db()),
  'settings.email.set': (a, ctx) => setEmailSettings(ctx.session.db(), a, ctx),
});
