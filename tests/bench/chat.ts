// WhatsApp chat-export reader benchmark (issue #9).
//
// A 40,000-message export (about the most WhatsApp exports without media), generated
// deterministically with a realistic mix: joins, adds, leaves and icon changes among the
// messages, multi-line messages with date-like continuation lines, media placeholders, U+200E
// and U+202F marks, non-contact "~ " names and phone-number authors. Timed against the FLOOR
// measured in the same run: splitting the same text into lines and testing each line with one
// timestamp-prefix regular expression (the least any line-based reader must do). Target: the
// whole read (lines, timestamps, authors, events, names and phones normalised) ≤ 3× the floor,
// for an Android export (12-hour, U+202F before am/pm) and an iOS one (brackets, seconds), and
// for the whole file path (open, size checks, decode, read) against reading the file + the floor.
// Floor and reader alternate after a warm-up, in samples of 20 reads; the best sample of each
// is compared. Time is the main
// thread's CPU time (process.threadCpuUsage): the machine is shared by several engineers' test
// runs, so wall-clock time would measure their load as much as this code, and the process's CPU
// time would count the collector's background threads. (No forced collection between runs: a
// full collection makes V8 drop optimised code that refers to the previous read's objects, so
// every measured read would re-optimise, which no real read does more than once.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readChatFile } from '../../electron/services/chat/chat-file.js';
import { readChatText } from '../../electron/services/chat/read-export.js';
import { ANDROID, IOS, realisticExport, type Style } from '../unit/chat/export-builder.js';
import { round } from './stats.js';
import type { BenchRow } from './types.js';

const MESSAGES = 40_000;
const RUNS = 15;
// Reads per timed sample: the main thread's CPU clock ticks in steps of a few milliseconds.
const REPS = 20;
const TARGET = 3;

// One timestamp-prefix expression per shape, as a minimal reader would write it.
const PREFIX: Record<Style['format'], RegExp> = {
  android: /^\d{1,2}\/\d{1,2}\/\d{2,4}, \d{1,2}:\d{2}/,
  ios: /^\u200e?\[\d{1,2}\/\d{1,2}\/\d{2,4}, \d{1,2}:\d{2}/,
};

function floorRead(text: string, re: RegExp): number {
  let n = 0;
  // The fastest correct split: a plain LF split unless the text holds a CR.
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  for (const line of lines) if (re.test(line)) n++;
  return n;
}

/** CPU milliseconds the main thread has used. */
function cpuMs(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

/** The main thread's CPU milliseconds per call of `fn`, over REPS calls in a row. */
async function sample(fn: () => unknown): Promise<number> {
  const t0 = cpuMs();
  for (let r = 0; r < REPS; r++) await fn();
  return (cpuMs() - t0) / REPS;
}

/**
 * Alternates floor and subject samples, RUNS times each after a warm-up, and returns the best of
 * each (as the register-io bench does): other processes can only add time to a sample, so the
 * best is the one they disturbed least.
 */
async function compare(floor: () => unknown, subject: () => unknown): Promise<{ floorMs: number; ms: number }> {
  for (let i = 0; i < 3; i++) {
    floor();
    await subject();
  }
  const f: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    f.push(await sample(floor));
    s.push(await sample(subject));
  }
  return { floorMs: Math.min(...f), ms: Math.min(...s) };
}

function row(name: string, r: { floorMs: number; ms: number }): BenchRow {
  const ratio = r.ms / r.floorMs;
  return {
    name,
    value: round(r.ms),
    unit: 'ms CPU',
    floor: round(r.floorMs),
    ratio: round(ratio, 2),
    target: `≤ ${TARGET}× split + one timestamp regex`,
    pass: ratio <= TARGET,
  };
}

export async function benchChat(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const st of [ANDROID, IOS]) {
    const generated = realisticExport(MESSAGES, st);
    // As a file's text arrives: decoded from bytes into one flat string (the builder's text is a
    // rope of joined pieces, slower to read character by character for floor and reader alike).
    const ex = { ...generated, text: Buffer.from(generated.text, 'utf8').toString('utf8') };
    const check = readChatText(ex.text);
    if (check.messages !== ex.messages || check.events.length !== ex.events) {
      throw new Error(
        `${st.format}: read ${check.messages} messages / ${check.events.length} events, generated ${ex.messages} / ${ex.events}`,
      );
    }
    const mb = (Buffer.byteLength(ex.text) / 1024 / 1024).toFixed(1);
    rows.push(
      row(
        `chat read, ${st.format} export of ${MESSAGES.toLocaleString('en-IN')} messages (${mb} MB, ${check.events.length} events)`,
        await compare(
          () => floorRead(ex.text, PREFIX[st.format]),
          () => readChatText(ex.text),
        ),
      ),
    );
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'samooh-bench-chat-'));
  try {
    const file = path.join(dir, 'WhatsApp Chat with Kotwali Thana.txt');
    writeFileSync(file, realisticExport(MESSAGES, ANDROID).text);
    rows.push(
      row(
        'chat read, the same Android export from its file (open, checks, decode, read)',
        await compare(
          () => floorRead(readFileSync(file, 'utf8'), PREFIX.android),
          () => readChatFile(file),
        ),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
