#!/usr/bin/env node
// The `samooh` command. The CLI itself is bundled to dist/node/cli.js by `npm run build`
// (run automatically by `npm ci`/`npm install` through the `prepare` script).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'node', 'cli.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'samooh: the CLI is not built yet. Run `npm run build` in ' + path.join(__dirname, '..') + ' first.\n',
  );
  process.exit(2);
}
import(require('node:url').pathToFileURL(entry).href).catch((err) => {
  process.stderr.write('samooh: ' + (err && err.stack ? err.stack : String(err)) + '\n');
  process.exit(2);
});
