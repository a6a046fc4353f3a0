// The register workbook (SPEC §5): preview and commit an import, export, remembered mappings.
import { exportRegister } from '../../services/register-io/export.js';
import { runImport } from '../../services/register-io/import.js';
import { checkWorkbookMapping, getMappings, setMapping } from '../../services/register-io/mappings.js';
import { implement } from '../define.js';

export const registerIoHandlers = implement({
  'import.preview': (a, ctx) => {
    checkWorkbookMapping(a.mapping);
    return runImport(ctx.session.db(), { file: a.file, mapping: a.mapping, strict: a.strict, dryRun: true }, ctx);
  },
  /** Writes every accepted row in one transaction (strict: none unless all are accepted). */
  'import.commit': (a, ctx) => {
    checkWorkbookMapping(a.mapping);
    return runImport(
      ctx.session.db(),
      { file: a.file, mapping: a.mapping, strict: a.strict, dryRun: false, expectSha256: a.sha256 },
      ctx,
    );
  },
  'export.register': (a, ctx) => exportRegister(ctx.session.db(), a.file, ctx),
  'import.mappings.get': (a, ctx) => getMappings(ctx.session.db(), a),
  'import.mappings.set': (a, ctx) => setMapping(ctx.session.db(), a, ctx),
});
