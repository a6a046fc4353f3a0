// HQ's signed policy, district side: status, trusting the HQ key, importing a signed policy.
import { importSignedPolicyFile, policyStatus, trustHqKeyFile } from '../../services/hq/policy-district.js';
import { implement } from '../define.js';

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
});
