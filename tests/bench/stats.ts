// Timing helpers for benchmarks: medians of repeated runs, so one slow run does not decide.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function timeMs(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await timeMs(fn));
  return median(xs);
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
