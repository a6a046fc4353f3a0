// Reconciling a group with a WhatsApp chat export through the one handler map (SPEC §6), on a
// real register file and real export files: preview → apply → compliance moves → re-apply is a
// no-op; confirm rows only with a chosen person; refusals leave the register unchanged.
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../db/audit.js';
import { all } from '../../../db/exec.js';
import { addGroup, fillGroup, makeRegister } from '../../fixtures/builders.js';
import { call, ok, testContext } from '../../fixtures/context.js';
import {
  ANDROID_EXPORT,
  buildScenario,
  e164,
  GROUP,
  IOS_EXPORT,
  PHONES,
  writeExport,
} from '../../fixtures/chat-exports.js';
import { registerDigest } from '../../fixtures/digest.js';
import { tempDir } from '../../fixtures/temp.js';
import { buildZip } from '../chat/zip-builder.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RegisterDb } from '../../../db/register-db.js';

async function setup() {
  const reg = makeRegister();
  const s = buildScenario(reg.db);
  // 195 quiet members + the 4 active people of the scenario: 199, one short of R1's 200.
  fillGroup(reg.db, s.groupId, 195);
  await reg.db.close();
  const ctx = testContext();
  const db = ctx.session.open(reg.file);
  return { ctx, db, s, file: reg.file, dir: tempDir() };
}

const activeIn = (db: RegisterDb, groupId: number) =>
  all(
    db,
    db.k
      .selectFrom('memberships')
      .select(['personId', 'staffId', 'joinedOn', 'leftOn'])
      .where('groupId', '=', groupId)
      .orderBy('id'), // in the order written; without it the order is whichever index SQLite picks
  );

const phoneMatched = (proposals: { id: string; action: string; blocked?: string }[]) =>
  proposals.filter((p) => p.action !== 'confirm' && !p.blocked).map((p) => p.id);

describe('chat.preview', () => {
  for (const kind of ['android', 'ios'] as const) {
    it(`proposes joins, leaves, a number change and confirm rows (${kind})`, async () => {
      const { ctx, dir, s } = await setup();
      const file = writeExport(dir, kind);
      const plan = await ok(ctx, 'chat.preview', { groupCode: GROUP, file });
      const rows = plan.proposals.map((p) => ({
        action: p.action,
        phone: p.phone,
        reason: p.reason,
        day: p.at.slice(0, 10),
      }));
      expect(rows).toEqual([
        { action: 'number_change', phone: e164(PHONES.chandan), reason: 'number_changed', day: '2024-03-15' },
        { action: 'join', phone: e164(PHONES.bina), reason: 'added', day: '2024-03-12' },
        { action: 'join', phone: e164(PHONES.staff), reason: 'added', day: '2024-03-12' },
        { action: 'join', phone: e164(PHONES.farida), reason: 'wrote', day: '2024-03-13' },
        { action: 'leave', phone: e164(PHONES.anil), reason: 'left', day: '2024-03-14' },
        { action: 'leave', phone: e164(PHONES.gopal), reason: 'removed', day: '2024-03-14' },
        { action: 'confirm', phone: null, reason: 'created', day: '2024-03-12' },
        { action: 'confirm', phone: null, reason: 'added', day: '2024-03-12' },
      ]);
      const nc = plan.proposals[0]!;
      expect(nc).toMatchObject({
        newPhone: e164(PHONES.chandanNew),
        member: { type: 'citizen', id: s.people.chandan },
      });
      expect(plan.proposals.find((p) => p.phone === e164(PHONES.staff))!.member).toMatchObject({
        type: 'staff',
        id: s.staffId,
      });
      const confirms = plan.proposals.filter((p) => p.action === 'confirm');
      expect(confirms.map((p) => [p.name, p.intent])).toEqual([
        ['You', 'join'],
        ['Sunita Devi', 'join'],
      ]);
      // The saved-contact name finds the register's person of that name as a candidate, never chosen.
      expect(confirms[1]!.candidates).toEqual([
        { type: 'citizen', id: s.people.sunita, name: 'Sunita Devi', phone: e164(PHONES.sunita) },
      ]);
      expect(plan.notInRegister).toEqual([
        expect.objectContaining({ phone: e164(PHONES.dev), state: 'in', reason: 'joined' }),
      ]);
      // Eshwar and the 195 quiet members: shown, never removed.
      expect(plan.notInChat).toHaveLength(196);
      expect(plan.notInChat.map((m) => m.name)).toContain('Eshwar Prasad');
      expect(plan.chat).toMatchObject({ format: kind, messages: kind === 'android' ? 4 : 3 });
      expect(plan.members.length).toBe(199);
    });
  }

  it('reads the .zip an iPhone makes (the chat as _chat.txt beside the media) with the same proposals', async () => {
    const { ctx, dir } = await setup();
    const txt = await ok(ctx, 'chat.preview', { groupCode: GROUP, file: writeExport(dir, 'ios') });
    const zip = path.join(dir, 'WhatsApp Chat - Kotwali Jan Samvad.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: '_chat.txt', data: IOS_EXPORT },
        { name: '00000012-PHOTO-2024-03-12-09-05-10.jpg', data: Buffer.alloc(64, 1) },
      ]),
    );
    const fromZip = await ok(ctx, 'chat.preview', { groupCode: GROUP, file: zip });
    expect(fromZip.file).toMatchObject({ kind: 'zip', entry: '_chat.txt' });
    expect(fromZip.proposals).toEqual(txt.proposals);
    expect(fromZip.notInRegister).toEqual(txt.notInRegister);
  });

  it('refuses an unknown group before reading, and an unreadable file, changing nothing', async () => {
    const { ctx, db, dir } = await setup();
    const before = registerDigest(db.file).sha256;
    const file = writeExport(dir, 'android');
    const r1 = await call(ctx, 'chat.preview', { groupCode: 'NOPE', file });
    expect(r1).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('NOPE') } });
    const r2 = await call(ctx, 'chat.apply', { groupCode: GROUP, file: dir, accept: ['join:+919835000022'] });
    expect(r2).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(registerDigest(db.file).sha256).toBe(before);
  });
});

describe('chat.apply', () => {
  it('applies the phone-matched proposals in one audited transaction; compliance moves; again applies nothing', async () => {
    const { ctx, db, dir, s } = await setup();
    const file = writeExport(dir, 'android');
    const before = await ok(ctx, 'compliance.report', {});
    expect(before.units.find((u) => u.code === 'KOT')).toMatchObject({ status: 'short', members: 199, shortfall: 1 });
    expect(before.rules.find((r) => r.id === 'R1')).toMatchObject({ passed: false, failures: 1 });

    const plan = await ok(ctx, 'chat.preview', { groupCode: GROUP, file });
    const r = await ok(ctx, 'chat.apply', { groupCode: GROUP, file, accept: phoneMatched(plan.proposals) });
    expect(r).toEqual({ applied: 6, joined: 3, left: 2, numbersChanged: 1, skipped: 0 });

    const after = await ok(ctx, 'compliance.report', {});
    expect(after.units.find((u) => u.code === 'KOT')).toMatchObject({
      status: 'compliant',
      members: 200,
      shortfall: 0,
    });
    expect(after.rules.find((r) => r.id === 'R1')).toMatchObject({ passed: true, failures: 0 });

    // Dates come from the export; history is kept (Farida's old membership stays ended).
    const rows = activeIn(db, s.groupId);
    expect(rows.filter((m) => m.personId === s.people.farida)).toEqual([
      { personId: s.people.farida, staffId: null, joinedOn: '2023-06-01', leftOn: '2024-02-01' },
      { personId: s.people.farida, staffId: null, joinedOn: '2024-03-13', leftOn: null },
    ]);
    expect(rows.find((m) => m.personId === s.people.anil)).toMatchObject({ leftOn: '2024-03-14' });
    expect(rows.find((m) => m.staffId === s.staffId)).toMatchObject({ joinedOn: '2024-03-12', leftOn: null });
    // The number change keeps the person and their membership.
    const chandan = await ok(ctx, 'people.get', { id: s.people.chandan });
    expect(chandan.person.phone).toBe(e164(PHONES.chandanNew));
    expect(chandan.memberships).toEqual([expect.objectContaining({ groupCode: GROUP, leftOn: null })]);

    // The audit chain holds every change, and never a phone number or a citizen's name.
    expect(verifyAudit(db).ok).toBe(true);
    const audit = all(db, db.k.selectFrom('auditLog').selectAll());
    const text = JSON.stringify(audit);
    for (const ten of Object.values(PHONES)) expect(text).not.toContain(ten);
    for (const name of ['Bina', 'Farida', 'Anil', 'Chandan', 'Sunita']) expect(text).not.toContain(name);
    expect(audit.filter((a) => a.action === 'reconcile')).toHaveLength(1);

    // The same export again: nothing left to propose but the confirm rows, nothing applied.
    const again = await ok(ctx, 'chat.preview', { groupCode: GROUP, file });
    expect(again.proposals.map((p) => p.action)).toEqual(['confirm', 'confirm']);
    const digest = registerDigest(db.file).sha256;
    const r2 = await ok(ctx, 'chat.apply', { groupCode: GROUP, file, accept: phoneMatched(plan.proposals) });
    expect(r2).toMatchObject({ applied: 0, skipped: 6 });
    expect(registerDigest(db.file).sha256).toBe(digest);
  });

  it('applies a confirm row only with the person chosen', async () => {
    const { ctx, db, dir, s } = await setup();
    const file = writeExport(dir, 'ios');
    const plan = await ok(ctx, 'chat.preview', { groupCode: GROUP, file });
    const sunita = plan.proposals.find((p) => p.name === 'Sunita Devi')!;
    // Accepted without a person: skipped, nothing written.
    const none = await ok(ctx, 'chat.apply', { groupCode: GROUP, file, accept: [sunita.id] });
    expect(none).toMatchObject({ applied: 0, skipped: 1 });
    const r = await ok(ctx, 'chat.apply', {
      groupCode: GROUP,
      file,
      accept: [],
      confirms: [{ id: sunita.id, member: { type: 'citizen', id: s.people.sunita } }],
    });
    expect(r).toMatchObject({ applied: 1, joined: 1 });
    expect(activeIn(db, s.groupId).find((m) => m.personId === s.people.sunita)).toMatchObject({
      joinedOn: '2024-03-12',
    });
    // A person who does not exist is refused, with nothing written.
    const digest = registerDigest(db.file).sha256;
    const bad = await call(ctx, 'chat.apply', {
      groupCode: GROUP,
      file,
      accept: phoneMatched(plan.proposals),
      confirms: [{ id: plan.proposals.find((p) => p.name === 'You')!.id, member: { type: 'citizen', id: 999_999 } }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(registerDigest(db.file).sha256).toBe(digest);
  });

  it('a cancelled apply writes nothing; a closed group is refused', async () => {
    const { ctx, db, dir } = await setup();
    const file = writeExport(dir, 'android');
    const plan = await ok(ctx, 'chat.preview', { groupCode: GROUP, file });
    const digest = registerDigest(db.file).sha256;
    ctx.abort.abort();
    const r = await call(ctx, 'chat.apply', { groupCode: GROUP, file, accept: phoneMatched(plan.proposals) });
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(registerDigest(db.file).sha256).toBe(digest);

    const ctx2 = testContext();
    ctx2.session.open(db.file);
    addGroup(ctx2.session.db(), { code: 'KOT-OLD', unit: 'KOT', status: 'closed' });
    const closed = await call(ctx2, 'chat.apply', { groupCode: 'KOT-OLD', file, accept: [] });
    expect(closed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an export with no events proposes nothing and lists every active member as not in the chat', async () => {
    const { ctx, dir } = await setup();
    const file = writeExport(dir, 'android', ANDROID_EXPORT.split('\n')[0]! + '\n');
    const plan = await ok(ctx, 'chat.preview', { groupCode: GROUP, file });
    expect(plan.proposals).toEqual([]);
    expect(plan.notInRegister).toEqual([]);
    expect(plan.notInChat).toHaveLength(199);
  });
});
