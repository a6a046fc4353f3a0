// Compliance (SPEC §4, §9).
import { computeCompliance } from '../../services/compliance/compliance.js';
import { ruleBreakers } from '../../services/compliance/rule-breakers.js';
import { implement } from '../define.js';

export const complianceHandlers = implement({
  'compliance.report': (_a, ctx) => computeCompliance(ctx.session.db(), { now: ctx.now() }),
  'compliance.ruleBreakers': (a, ctx) => ruleBreakers(ctx.session.db(), { now: ctx.now(), limit: a.limit }),
});
