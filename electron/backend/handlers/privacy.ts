// Data protection: erasure on request (with its preview) and the clerk's name.
import { erasePerson, erasePreview } from '../../services/privacy/erase.js';
import { operatorName, setOperatorName } from '../../services/privacy/operator.js';
import { implement } from '../define.js';

export const privacyHandlers = implement({
  'privacy.erasePreview': (a, ctx) => erasePreview(ctx.session.db(), a),
  'privacy.erase': (a, ctx) => erasePerson(ctx.session.db(), a, ctx),
  'operator.get': (_a, ctx) => ({ name: operatorName(ctx.session.db()) }),
  'operator.set': (a, ctx) => setOperatorName(ctx.session.db(), a.name, ctx),
});
