#!/usr/bin/env node
// The `samooh` command. The CLI itself is bundled to dist/node/cli.js by `npm run build`
// (run automatically by `npm ci`/`npm install` through the `prepare` script).
//
// Samooh runs on the Node.js pinned in devDependencies (the `node` package: npm scripts and
// `npx samooh` put its binary first on PATH). Started by an older Node (e.g. a shell where the
// machine's own Node comes first), this shim hands over to the pinned one instead of letting
// better-sqlite3 13 (Node ≥ 22) crash the process.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const root = path.join(__dirname, '..');
const entry = path.join(root, 'dist', 'node', 'cli.js');
const MIN_MAJOR = 22;

const major = Number(process.versions.node.split('.')[0]);
if (major < MIN_MAJOR) {
  const pinned = path.join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!fs.existsSync(pinned)) {
    process.stderr.write(
      `samooh: needs Node.js ${MIN_MAJOR} or newer (this is ${process.version}), and the pinned Node.js in ` +
        `node_modules/node is missing. Run \`npm ci\` in ${root} first.\n`,
    );
    process.exit(2);
  }
  const r = require('node:child_process').spawnSync(pinned, [__filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status === null ? 2 : r.status);
}

if (!fs.existsSync(entry)) {
  process.stderr.write('samooh: the CLI is not built yet. Run `npm run build` in ' + root + ' first.\n');
  process.exit(2);
}
import(require('node:url').pathToFileURL(entry).href).catch((err) => {
  process.stderr.write('samooh: ' + (err && err.stack ? err.stack : String(err)) + '\n');
  process.exit(2);
});
