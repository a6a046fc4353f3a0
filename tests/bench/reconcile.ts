// Reconciliation benchmark (issue #9 second half): a group of 1,024 members (WhatsApp's cap) in
// the demo district's register against the 40,000-message export of the chat bench (300
// participants: saved-contact names, non-contact names, phone numbers), Android.
//
// Floor, measured in the same run: reading that export (`readChatText`), which any preview must
// do first. Target: planning the proposals against the register (every phone and name looked up,
// the group's members and the matched people's history read by index) costs at most as much
// again as reading the export (≤ 1×). Apply: every phone-matched proposal in one audited
// transaction, rolled back after each sample so each applies the same changes, against the same
// floor (≤ 2×: each audit entry hashes onto the chain head, which db/audit.ts finds by counting
// the log, about a third of a millisecond per change in the demo register). Main-thread CPU time, best of RUNS samples (the machine is shared).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRegister } from '../../db/connection.js';
import { rawOf } from '../../db/raw.js';
import { fillDemo } from '../../electron/services/demo/demo.js';
import { readChatText } from '../../electron/services/chat/read-export.js';
import { planReconcile } from '../../electron/services/reconcile/plan.js';
import { applyReconcile } from '../../electron/services/reconcile/apply.js';
import { ANDROID, printedPhone, realisticExport } from '../unit/chat/export-builder.js';
import { round } from './stats.js';
import type { BenchRow } from './types.js';

const MESSAGES = 40_000;
const MEMBERS = 1_024;
const RUNS = 9;
const REPS = 5;

function cpuMs(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

function best(fn: () => unknown): number {
  for (let i = 0; i < 2; i++) fn();
  let min = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t0 = cpuMs();
    for (let i = 0; i < REPS; i++) fn();
    min = Math.min(min, (cpuMs() - t0) / REPS);
  }
  return min;
}

export async function benchReconcile(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samooh-bench-reconcile-'));
  try {
    const db = openRegister(path.join(dir, 'district.sqlite'));
    fillDemo(db, { scale: 'district', seed: 2019, now: new Date('2026-01-15T10:00:00Z') });
    const raw = rawOf(db);
    const T = '2026-01-15T10:00:00.000Z';
    const unitId = (raw.prepare('SELECT id FROM units ORDER BY id LIMIT 1').get() as { id: number }).id;
    const groupId = Number(
      raw
        .prepare(
          "INSERT INTO groups (code, unit_id, kind, name, status, created_at, updated_at) VALUES ('BENCH-PUB', ?, 'public', 'Bench Jan Samvad', 'active', ?, ?)",
        )
        .run(unitId, T, T).lastInsertRowid,
    );
    const person = raw.prepare(
      "INSERT INTO people (phone, name, category, created_at, updated_at) VALUES (?, ?, 'public', ?, ?)",
    );
    const member = raw.prepare(
      'INSERT INTO memberships (group_id, person_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    raw.transaction(() => {
      // The export's phone-number participants: half of them active members, half only in the register.
      for (let i = 0; i < 300; i++) {
        if (i % 10 < 6 || i % 10 >= 8) continue;
        const id = Number(person.run(printedPhone(i).e164, `Participant ${i}`, T, T).lastInsertRowid);
        if (i % 2 === 0) member.run(groupId, id, '2023-01-01', T, T);
      }
      // Quiet members up to WhatsApp's cap.
      const active = (
        raw.prepare('SELECT count(*) AS n FROM memberships WHERE group_id = ?').get(groupId) as { n: number }
      ).n;
      for (let i = 0; i < MEMBERS - active; i++) {
        const id = Number(person.run(`+9170${String(10_000_000 + i).slice(-8)}`, `Quiet ${i}`, T, T).lastInsertRowid);
        member.run(groupId, id, '2023-01-01', T, T);
      }
    })();

    const text = Buffer.from(realisticExport(MESSAGES, ANDROID).text, 'utf8').toString('utf8');
    const chat = readChatText(text);
    const plan = planReconcile(db, 'BENCH-PUB', chat);
    const accept = plan.proposals.filter((p) => p.action !== 'confirm' && !p.blocked).map((p) => p.id);
    if (accept.length === 0) throw new Error('the bench export proposes nothing against the bench group');

    const floor = best(() => readChatText(text));
    const planMs = best(() => planReconcile(db, 'BENCH-PUB', chat));
    const work = {
      operator: 'bench',
      now: () => new Date(T),
      progress: () => {},
      signal: new AbortController().signal,
    };
    // Each sample applies the same changes: the transaction is undone by a savepoint around it.
    const applyMs = best(() => {
      raw.exec('SAVEPOINT bench');
      try {
        const r = applyReconcile(db, 'BENCH-PUB', chat, { accept, confirms: [] }, work);
        if (r.applied !== accept.length) throw new Error(`applied ${r.applied} of ${accept.length}`);
      } finally {
        raw.exec('ROLLBACK TO bench');
        raw.exec('RELEASE bench');
      }
    });
    await db.close();

    const n = (x: number) => x.toLocaleString('en-IN');
    const counts = `${n(plan.proposals.length)} proposals, ${n(plan.notInRegister.length)} not in register, ${n(plan.notInChat.length)} not in chat`;
    return [
      {
        name: `reconcile preview: ${n(MESSAGES)}-message export against a ${n(MEMBERS)}-member group (${counts})`,
        value: round(planMs),
        unit: 'ms CPU',
        floor: round(floor),
        ratio: round(planMs / floor, 2),
        target: '≤ 1× reading the export',
        pass: planMs <= floor,
      },
      {
        name: `reconcile apply: ${n(accept.length)} phone-matched changes in one audited transaction`,
        value: round(applyMs),
        unit: 'ms CPU',
        floor: round(floor),
        ratio: round(applyMs / floor, 2),
        target: '≤ 2× reading the export',
        pass: applyMs <= 2 * floor,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
