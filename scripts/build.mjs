// Builds everything Node and Electron run from TypeScript sources (Node 20 cannot run .ts).
// Node-side code (CLI, Electron main, browser harness, benchmarks) is bundled by esbuild as ESM
// with code splitting, so heavy modules (exceljs, the bundle writer) load only when a command
// needs them and `samooh --version` stays fast. The preload must be CommonJS (sandboxed
// preloads cannot load ESM). The renderer is built by Vite.
import { build } from 'esbuild';
import { existsSync, rmSync, mkdirSync, renameSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.join(root, p);
const only = new Set(process.argv.slice(2));
const want = (part) => only.size === 0 || only.has(part);

const nodeEntries = {
  cli: 'electron/cli.ts',
  main: 'electron/main.ts',
  harness: 'electron/harness.ts',
  // The handler map's worker thread (electron/backend/worker.ts), started by main, harness and CLI.
  'backend-worker': 'electron/backend/worker.ts',
  bench: 'tests/bench/bench.ts',
};

async function buildNode() {
  const entryPoints = Object.fromEntries(
    Object.entries(nodeEntries)
      .filter(([, file]) => existsSync(rel(file)))
      .map(([name, file]) => [name, rel(file)]),
  );
  // Build into a private folder and swap it in, so two builds running at once (several
  // developers' test runs) never see each other's half-written output.
  const tmp = rel(`dist/node.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    if (Object.keys(entryPoints).length > 0)
      await build({
        entryPoints,
        outdir: tmp,
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        target: 'node24',
        sourcemap: 'linked',
        // Native and Electron modules are resolved at run time, never bundled; so is Playwright
        // (only the browser harness and the benchmarks load it, from node_modules).
        external: ['better-sqlite3', 'electron', '@playwright/test', 'playwright', 'playwright-core'],
        // esbuild's ESM output needs a real `require` for CommonJS dependencies that call it.
        banner: {
          js: "import { createRequire as __samoohCreateRequire } from 'node:module'; const require = __samoohCreateRequire(import.meta.url);",
        },
        chunkNames: 'chunks/[name]-[hash]',
        logLevel: 'warning',
      });
  } catch (err) {
    // A failed build leaves no half-written folder behind.
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  rmSync(rel('dist/node'), { recursive: true, force: true });
  renameSync(tmp, rel('dist/node'));
}

async function buildPreload() {
  if (!existsSync(rel('electron/preload.ts'))) return;
  await build({
    entryPoints: [rel('electron/preload.ts')],
    outfile: rel('dist/preload/preload.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node24',
    external: ['electron'],
    logLevel: 'warning',
  });
}

function buildRenderer() {
  if (!existsSync(rel('renderer/index.html'))) return;
  const r = spawnSync(process.execPath, [rel('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('renderer build failed');
}

const t0 = Date.now();
if (want('node')) await buildNode();
if (want('preload')) await buildPreload();
if (want('renderer')) buildRenderer();
console.error(`build: done in ${Date.now() - t0} ms`);
