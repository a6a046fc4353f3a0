// Runs @doyensec/electronegativity over electron/ (main, preload, security …) and fails on any
// HIGH finding. Used by tests/unit/electron/electronegativity.test.ts (so `npm test` / CI runs
// it) and by hand:
//
//   node scripts/electronegativity.mjs [--out /tmp/electronegativity.csv]
//
// Its own CLI (`npx electronegativity`) cannot start in this tree: it resolves the project's
// commander 14 instead of the commander 2 it was written for. The programmatic API is the
// same scanner.
//
// Findings that remain, by design (all MEDIUM/LOW, manual-review):
// - PRELOAD_JS_CHECK: "review the preload" — electron/preload.ts is the reviewed thin bridge.
// - OPEN_EXTERNAL_JS_CHECK: every openExternal goes through isVettedExternalUrl (https +
//   allow-list), unit-tested in tests/unit/electron/security.test.ts.
// - CSP_GLOBAL_CHECK (LOW, "maybe weak"): Google's csp-evaluator notes that host allow-lists
//   (`app://samooh`) can be bypassed on the web; here that host is our own protocol handler,
//   which serves only the built renderer.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The scanner downloads "updated translations" of its messages at start (locales/i18n.js, with
 * `got`). Offline — this machine, CI, a district PC — the download fails, and got's retry then
 * throws an unhandled error after the scan has begun. Its English messages ship with it, so
 * answer that one request offline before the scanner loads.
 */
function offlineTranslations() {
  const scanner = path.dirname(require.resolve('@doyensec/electronegativity'));
  const gotPath = require.resolve('got', { paths: [scanner] });
  const offline = () => Promise.reject(new Error('offline: translations are not downloaded'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
}

/** Scans `input` (default electron/) and returns the findings in a plain form. */
export async function scan({ input = path.join(root, 'electron'), output } = {}) {
  offlineTranslations();
  const mod = require('@doyensec/electronegativity');
  const run = mod.default ?? mod;
  const electronVersion = require('electron/package.json').version;
  const result = await run({
    input,
    ...(output ? { output, isSarif: false } : {}),
    isRelative: true,
    electronVersionOverride: electronVersion,
  });
  const issues = (result.issues ?? []).map((i) => ({
    id: i.id,
    severity: i.severity?.name,
    confidence: i.confidence?.name,
    file: i.file,
    line: i.location?.line,
    manualReview: i.manualReview,
    sample: String(i.sample ?? '').slice(0, 120),
  }));
  return { issues, errors: result.errors ?? [] };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outAt = process.argv.indexOf('--out');
  const output = outAt > 0 ? path.resolve(process.argv[outAt + 1] ?? '') : undefined;
  const { issues, errors } = await scan({ output });
  for (const i of issues) console.log(`${i.severity}\t${i.confidence}\t${i.id}\t${i.file}:${i.line}`);
  for (const e of errors) console.error(`parse error: ${e.file}: ${e.message}`);
  const high = issues.filter((i) => i.severity === 'HIGH');
  console.log(`electronegativity: ${issues.length} findings, ${high.length} HIGH${output ? `; CSV in ${output}` : ''}`);
  process.exit(high.length > 0 || errors.some((e) => !e.tolerable) ? 1 : 0);
}
