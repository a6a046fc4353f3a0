// `samooh --version` cold start, against a bare `node -e 0` start measured in the same run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BenchRow } from './types.js';
import { median, round } from './stats.js';

function startMs(args: string[], runs = 15): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    xs.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(xs);
}

export async function benchCli(root: string): Promise<BenchRow[]> {
  const floor = startMs(['-e', '0']);
  const version = startMs([path.join(root, 'scripts', 'samooh.cjs'), '--version']);
  return [
    {
      name: 'samooh --version cold start (median of 15)',
      value: round(version),
      unit: 'ms',
      floor: round(floor),
      ratio: round(version / floor, 2),
      target: '≤ 300 ms',
      pass: version <= 300,
    },
  ];
}
