// The lint rule that keeps timing out of tests (eslint.config.js): sleeps, clocks and elapsed
// times are refused under tests/, allowed in tests/bench/ (`npm run bench`), and the ways to wait
// that do not depend on the machine's speed stay allowed.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../fixtures/cli.js';

const eslint = new ESLint({ cwd: ROOT });

async function timingProblems(code: string, file: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  const lines = result!.messages.filter((m) => m.message.includes('No timing or sleeps in tests')).map((m) => m.line);
  return [...new Set(lines)];
}

describe('no timing in tests (lint)', () => {
  it('refuses sleeps, clocks and elapsed times in tests', async () => {
    const code = [
      /* 1 */ "import { expect, it } from 'vitest';",
      /* 2 */ 'declare const page: { waitForTimeout(ms: number): Promise<void> };',
      /* 3 */ "it('x', async () => {",
      /* 4 */ '  await new Promise((r) => setTimeout(r, 100));',
      /* 5 */ '  await new Promise<void>((r) => setTimeout(() => r(), 100));',
      /* 6 */ '  const t0 = Date.now();',
      /* 7 */ '  expect(Date.now() - t0).toBeLessThan(100);',
      /* 8 */ '  const t1 = performance.now();',
      /* 9 */ '  await page.waitForTimeout(100);',
      /* 10 */ '  const feed = () => {};',
      /* 11 */ '  setTimeout(feed, 5);',
      /* 12 */ '  expect(t1).toBeGreaterThan(0);',
      /* 13 */ '});',
      '',
    ].join('\n');
    expect(await timingProblems(code, 'tests/unit/example.test.ts')).toEqual([4, 5, 7, 8, 9, 11]);
    // Benchmarks are where time is measured.
    expect(await timingProblems(code, 'tests/bench/example.ts')).toEqual([]);
  });

  it('allows waiting on events, conditions and fake clocks, and dates that are not timings', async () => {
    const code = [
      "import { expect, it, vi } from 'vitest';",
      "it('x', async () => {",
      '  vi.useFakeTimers();',
      '  vi.advanceTimersByTime(80);',
      '  vi.useRealTimers();',
      '  await vi.waitFor(() => expect(1).toBe(1));',
      '  const past = new Date(Date.now() - 3600_000);',
      '  const timer = setTimeout(() => past, 20_000);',
      '  clearTimeout(timer);',
      '  await new Promise((resolve) => {',
      '    const t = setTimeout(() => resolve(null), 5_000);',
      '    clearTimeout(t);',
      '    resolve(null);',
      '  });',
      '});',
      '',
    ].join('\n');
    expect(await timingProblems(code, 'tests/unit/example.test.ts')).toEqual([]);
  });
});
