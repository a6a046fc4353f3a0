// `npm run preview`: the app in an ordinary browser, for development where Electron cannot run
// and for Playwright. Serves dist/renderer and the real handler map on 127.0.0.1 (see
// electron/harness/server.ts for the security model) and prints the URL to open.
//
//   node dist/node/harness.js [--data-dir DIR] [--port N] [--test-hooks]
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BackendHost, builtWorkerFile } from './backend/host.js';
import { startHarness } from './harness/server.js';
import { chromiumPrintToPdf, previewOsEncryption } from './harness/preview-platform.js';

const usage = `Usage: npm run preview -- [--data-dir DIR] [--port N] [--test-hooks]

  --data-dir DIR   where registers, keys and uploads live (default: ${path.join(os.tmpdir(), 'samooh-preview')})
  --port N         port on 127.0.0.1 (default 0: any free port)
  --renderer DIR   the built renderer (default: dist/renderer)
  --test-hooks     enable /api/test/* (scripted dialog answers) for automated tests`;

function fail(message: string): never {
  process.stderr.write(`samooh preview: ${message}\n\n${usage}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      renderer: { type: 'string' },
      'test-hooks': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (err) {
  fail((err as Error).message);
}
if (values.help) {
  process.stdout.write(usage + '\n');
  process.exit(0);
}

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, not ${values.port}`);

// dist/node/harness.js → dist/renderer
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(values.renderer ?? path.join(here, '..', 'renderer'));
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  fail(`no built renderer in ${rendererDir}; run \`node scripts/build.mjs\` first`);
}
const dataDir = path.resolve(values['data-dir'] ?? path.join(os.tmpdir(), 'samooh-preview'));

const log = (m: string) => process.stderr.write(`samooh preview: ${m}\n`);
// The same backend worker as the app: the handler map and SQLite off the thread that serves the
// page, with the preview's stand-ins for safeStorage and Electron's PDF printer.
const backend = new BackendHost({
  workerFile: builtWorkerFile(import.meta.url),
  dataDir,
  operator: `preview:${safeUser()}`,
  open: { kind: 'last' },
  platform: { os: previewOsEncryption(dataDir), printToPdf: chromiumPrintToPdf() },
  log,
});
backend.start();

const harness = await startHarness({
  dataDir,
  port,
  rendererDir,
  backend,
  testHooks: values['test-hooks'] ?? false,
  log,
});

process.stdout.write(
  `Samooh preview (browser harness) running.\n` +
    `  Open: ${harness.url}\n` +
    `  Data: ${harness.dataDir}\n` +
    `  Only this machine can connect (127.0.0.1); the link carries this run's access token.\n` +
    `  Press Ctrl+C to stop.\n`,
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void harness.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
