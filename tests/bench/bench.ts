// `npm run bench`: every benchmark, one table. Figures are compared with floors measured in
// the same run on the same machine (raw better-sqlite3 inserts, `openssl dgst -sha256`, a bare
// `node -e 0` start …), so the ratios mean something on any machine.
//
//   npm run bench                 all benchmarks
//   npm run bench -- compliance   only those whose name contains "compliance"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './types.js';
import { benchCli } from './cli.js';
import { benchCompliance } from './compliance.js';
import { benchRegisterIo } from './register-io.js';
import { benchMembers } from './members.js';
import { benchBundle } from './bundle.js';
import { benchUi } from './ui.js';
import { benchChat } from './chat.js';
import { benchReconcile } from './reconcile.js';
import { benchHq } from './hq.js';
import { benchBackup } from './backup.js';
import { benchXlsxPeakMemory, rssChild, writeFullSheetXlsx } from './register-io-rss.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const suites: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'cli', run: () => benchCli(root) },
  { name: 'compliance', run: () => benchCompliance() },
  { name: 'register-io', run: () => benchRegisterIo() },
  { name: 'register-io-memory', run: () => withTempDir(benchXlsxPeakMemory) },
  { name: 'members', run: () => benchMembers() },
  { name: 'bundle', run: () => benchBundle() },
  { name: 'ui', run: () => benchUi(root) },
  { name: 'chat', run: () => benchChat() },
  { name: 'reconcile', run: () => benchReconcile() },
  { name: 'hq', run: () => benchHq() },
  { name: 'backup', run: () => benchBackup() },
];

function table(rows: (BenchRow & { suite: string })[]): string {
  const fmt = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString('en-IN'));
  const lines = [
    '| benchmark | value | floor (same run) | ratio | target | pass |',
    '|---|---:|---:|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.floor === undefined ? '' : `${fmt(r.floor)} ${r.unit}`} | ${fmt(r.ratio)} | ${r.target} | ${r.pass ? 'yes' : '**NO**'} |`,
    ),
  ];
  return lines.join('\n');
}

// A child process measuring one import's peak memory (register-io-rss.ts).
const child = process.argv.indexOf('--rss-child');
if (child !== -1) {
  const [mode, file, db] = process.argv.slice(child + 1);
  if (mode === 'make') await writeFullSheetXlsx(file!);
  else await rssChild(mode as 'import' | 'read' | 'floor', file!, db!);
  process.exit(0);
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samooh-bench-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all: (BenchRow & { suite: string })[] = [];
for (const s of suites) {
  if (filter.length && !filter.some((f) => s.name.includes(f))) continue;
  process.stderr.write(`bench: ${s.name} …\n`);
  const t0 = performance.now();
  try {
    for (const r of await s.run()) all.push({ ...r, suite: s.name });
  } catch (err) {
    all.push({
      suite: s.name,
      name: `${s.name} FAILED: ${(err as Error).message}`,
      value: 0,
      unit: '',
      target: '',
      pass: false,
    });
  }
  process.stderr.write(`bench: ${s.name} took ${Math.round((performance.now() - t0) / 1000)} s\n`);
}
const out = table(all);
process.stdout.write(out + '\n');
mkdirSync(path.join(root, 'test-results'), { recursive: true });
writeFileSync(path.join(root, 'test-results', 'bench.md'), out + '\n');
writeFileSync(path.join(root, 'test-results', 'bench.json'), JSON.stringify(all, null, 2));
process.exitCode = all.every((r) => r.pass) ? 0 : 1;
