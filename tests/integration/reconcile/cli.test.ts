// `samooh import chat`: the real CLI, built and spawned, on a real register and real export files.
// Exit codes (SPEC §9): 0 done; 2 unknown group, unreadable file or bad usage, register unchanged.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { samooh } from '../../fixtures/cli.js';
import { fillGroup, makeRegister } from '../../fixtures/builders.js';
import { buildScenario, e164, GROUP, PHONES, writeExport } from '../../fixtures/chat-exports.js';
import { registerDigest } from '../../fixtures/digest.js';
import { tempDir } from '../../fixtures/temp.js';

interface Doc {
  events: { type: string; at: string; actor: string | null; subject: string | null; new?: string }[];
  proposals: { action: string; phone: string | null; name: string | null; at: string; reason: string }[];
  notInRegister: { phone: string }[];
  notInChat: unknown[];
  applied: number;
}

async function register() {
  const reg = makeRegister();
  const s = buildScenario(reg.db);
  fillGroup(reg.db, s.groupId, 195);
  await reg.db.close();
  return reg.file;
}

describe('samooh import chat', () => {
  it('--json is a dry run printing { events, proposals, notInRegister, notInChat, applied: 0 }', async () => {
    const db = await register();
    const before = registerDigest(db).sha256;
    const file = writeExport(tempDir(), 'android');
    const r = samooh(['import', 'chat', '--db', db, '--group', GROUP, file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = r.json() as Doc;
    expect(doc.events[0]).toEqual({
      type: 'created',
      at: '2024-03-12T09:00',
      actor: 'You',
      subject: 'Kotwali Jan Samvad',
    });
    expect(doc.events.find((e) => e.type === 'number_changed')).toEqual({
      type: 'number_changed',
      at: '2024-03-15T10:00',
      actor: null,
      subject: e164(PHONES.chandan),
      new: e164(PHONES.chandanNew),
    });
    expect(doc.proposals[1]).toMatchObject({
      action: 'join',
      phone: e164(PHONES.bina),
      name: 'Bina Devi',
      at: '2024-03-12T09:01',
      reason: 'added',
    });
    expect(doc.proposals.map((p) => p.action)).toEqual([
      'number_change',
      'join',
      'join',
      'join',
      'leave',
      'leave',
      'confirm',
      'confirm',
    ]);
    expect(doc.notInRegister.map((x) => x.phone)).toEqual([e164(PHONES.dev)]);
    expect(doc.notInChat).toHaveLength(196);
    expect(doc.applied).toBe(0);
    expect(registerDigest(db).sha256).toBe(before);
  });

  it('--apply applies the phone-matched proposals; the same export again applies nothing', async () => {
    const db = await register();
    const file = writeExport(tempDir(), 'ios');
    const r = samooh(['import', 'chat', '--db', db, '--group', GROUP, file, '--apply', '--json']);
    expect(r.status).toBe(0);
    expect((r.json() as Doc).applied).toBe(6);
    const compliance = samooh(['compliance', '--db', db, '--json']);
    const report = compliance.json() as { units: { code: string; status: string; members: number }[] };
    expect(report.units.find((u) => u.code === 'KOT')).toMatchObject({ status: 'compliant', members: 200 });

    const digest = registerDigest(db).sha256;
    const again = samooh(['import', 'chat', '--db', db, '--group', GROUP, file, '--apply']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Applied 0');
    expect(again.stdout).toContain('2 confirm row(s) were not applied');
    expect(registerDigest(db).sha256).toBe(digest);
  });

  it('prints a readable dry run by default, without phone numbers on stderr', async () => {
    const db = await register();
    const r = samooh(['import', 'chat', '--db', db, '--group', GROUP, writeExport(tempDir(), 'android')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Group KOT-PUB "Kotwali Jan Samvad"');
    expect(r.stdout).toContain(`join    ${e164(PHONES.bina)}  Bina Devi, from 2024-03-12 09:01: added`);
    expect(r.stdout).toContain('confirm "Sunita Devi" (joins, added 2024-03-12 09:01)');
    expect(r.stdout).toContain('Dry run: nothing was changed.');
    expect(r.stderr).toBe('');
  });

  it('exit 2 with a clear message for an unknown group or an unreadable file; the register is unchanged', async () => {
    const db = await register();
    const before = registerDigest(db).sha256;
    const dir = tempDir();
    const file = writeExport(dir, 'android');
    const unknown = samooh(['import', 'chat', '--db', db, '--group', 'NO-SUCH', file, '--apply']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('group NO-SUCH does not exist');
    const binary = path.join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    for (const bad of [binary, path.join(dir, 'missing.txt'), dir]) {
      const r = samooh(['import', 'chat', '--db', db, '--group', GROUP, bad, '--apply', '--json']);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toBe('');
      for (const ten of Object.values(PHONES)) expect(r.stderr).not.toContain(ten);
    }
    const noGroup = samooh(['import', 'chat', '--db', db, file]);
    expect(noGroup.status).toBe(2);
    expect(noGroup.stderr).toContain('--group');
    expect(registerDigest(db).sha256).toBe(before);
  });
});
