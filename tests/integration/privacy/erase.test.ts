// Erasure on request (issue #10), end to end through the handler map on a real register file:
// no byte of the person's name, phone (in every stored form), locality or occupation is left in
// the .db, -wal or -shm files; counts and history stay; the audit chain still verifies; the
// ledger re-applies the erasure to a register restored from an older copy.
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { all } from '../../../db/exec.js';
import { rawOf } from '../../../db/raw.js';
import { verifyAuditWitnessed } from '../../../electron/services/audit-chain/checkpoints.js';
import { sidecarPath } from '../../../electron/services/privacy/ledger.js';
import { call, ok, testContext, type TestContext } from '../../fixtures/context.js';

let ctx: TestContext;
let file: string;

const SITA = {
  name: 'Sitaram Prasad Yadav',
  phone: '9835012345',
  locality: 'Kankarbagh Colony',
  occupation: 'Shopkeeper',
};
const HINDI = { name: 'सीता देवी कुमारी', phone: '9431098765', locality: 'गांधी मैदान' };
const OTHER = { name: 'Ramesh Chandra', phone: '9123456780' };

/** Every form a phone can be stored or indexed in. */
const phoneForms = (p: string) => [`+91${p}`, `91${p}`, p, p.slice(0, 5) + ' ' + p.slice(5)];

function needles(): { label: string; bytes: Buffer }[] {
  const texts = [
    SITA.name,
    'Sitaram Prasad',
    'Sitaram Prasad Yadav Ji',
    SITA.locality,
    SITA.occupation,
    ...phoneForms(SITA.phone),
    HINDI.name,
    HINDI.locality,
    ...phoneForms(HINDI.phone),
  ];
  return texts.flatMap((t) => [
    { label: `${t} (utf8)`, bytes: Buffer.from(t, 'utf8') },
    { label: `${t} (utf16le)`, bytes: Buffer.from(t, 'utf16le') },
    { label: `${t} (lower)`, bytes: Buffer.from(t.toLowerCase(), 'utf8') },
  ]);
}

/** Which needles the register's files still hold. */
function leftovers(f: string): string[] {
  const found: string[] = [];
  for (const part of [f, `${f}-wal`, `${f}-shm`]) {
    if (!existsSync(part)) continue;
    const bytes = readFileSync(part);
    for (const n of needles()) if (bytes.includes(n.bytes)) found.push(`${part.slice(-8)}: ${n.label}`);
  }
  return found;
}

beforeEach(async () => {
  ctx = testContext();
  await ok(ctx, 'app.createRegister', { code: 'PAT', name: 'Patna' });
  file = (await ok(ctx, 'app.status', {})).registerFile!;
  await ok(ctx, 'units.create', { code: 'PAT-T-KOTWALI', name: 'Kotwali', type: 'thana' });
  for (const code of ['PAT-KOTWALI-1', 'PAT-KOTWALI-2']) {
    await ok(ctx, 'groups.create', { code, unitCode: 'PAT-T-KOTWALI', kind: 'public', name: `Jan Samvad ${code}` });
  }
});

async function addPeople() {
  const sita = await ok(ctx, 'members.addCitizen', {
    groupCode: 'PAT-KOTWALI-1',
    name: 'Sitaram Prasad Yadav Ji',
    phone: SITA.phone,
    locality: 'Bankipur',
    occupation: SITA.occupation,
    consentOn: '2026-11-01',
    consentHow: 'signed form at the thana',
  });
  // Edited: the old values go to the audit log and to the pages' free space.
  await ok(ctx, 'people.update', {
    id: sita.personId,
    name: SITA.name,
    phone: `+91 ${SITA.phone}`,
    category: 'eminent',
    locality: SITA.locality,
    occupation: SITA.occupation,
    consentOn: '2026-11-01',
    consentHow: 'signed form at the thana',
  });
  await ok(ctx, 'members.addCitizen', { groupCode: 'PAT-KOTWALI-2', name: SITA.name, phone: SITA.phone });
  const m = await ok(ctx, 'members.addCitizen', { groupCode: 'PAT-KOTWALI-2', ...HINDI });
  await ok(ctx, 'members.leave', { membershipId: m.membershipId, leftOn: '2026-11-28' });
  const other = await ok(ctx, 'members.addCitizen', { groupCode: 'PAT-KOTWALI-1', ...OTHER });
  // The search index holds them too.
  expect((await ok(ctx, 'members.search', { query: 'Sitaram', state: 'all' })).total).toBe(2);
  return { sita: sita.personId, hindi: m.personId, other: other.personId };
}

describe('erasure on request', () => {
  test('leaves no byte of the person in the .db, -wal and -shm files; counts, history and the chain stay', async () => {
    const ids = await addPeople();
    expect(leftovers(file).length).toBeGreaterThan(0); // the needles do find them before

    const preview = await ok(ctx, 'privacy.erasePreview', { phone: `0${SITA.phone}` });
    expect(preview).toEqual({
      personId: ids.sita,
      name: SITA.name,
      memberships: 2,
      activeMemberships: 2,
      erasedAt: null,
    });
    const g1 = await ok(ctx, 'groups.get', { code: 'PAT-KOTWALI-1' });

    const r = await ok(ctx, 'privacy.erase', { phone: SITA.phone });
    expect(r).toMatchObject({ personId: ids.sita, membershipsKept: 2, scrub: { vacuumed: true, walTruncated: true } });
    expect(r.auditValuesBlanked).toBe(4); // create, update, and two joins
    const h = await ok(ctx, 'privacy.erase', { id: ids.hindi });
    expect(h.membershipsKept).toBe(1);

    // Counts and history stay.
    expect((await ok(ctx, 'groups.get', { code: 'PAT-KOTWALI-1' })).activeMembers).toBe(g1.activeMembers);
    const p = await ok(ctx, 'people.get', { id: ids.sita });
    expect(p.person).toMatchObject({ name: `erased-${ids.sita}`, phone: null, locality: null, occupation: null });
    expect(p.memberships).toHaveLength(2);
    // The others are untouched and still found.
    expect((await ok(ctx, 'members.search', { query: 'Ramesh', state: 'all' })).total).toBe(1);
    expect((await ok(ctx, 'members.search', { query: 'Sitaram', state: 'all' })).total).toBe(0);
    expect((await ok(ctx, 'members.search', { query: '98350', state: 'all' })).total).toBe(0);

    // The audit entry says an erasure happened, and nothing about whom beyond the id.
    const db = ctx.session.db();
    const erasures = all(db, db.k.selectFrom('auditLog').selectAll().where('action', '=', 'erase'));
    expect(erasures.map((e) => [e.entityId, e.after])).toEqual([
      [String(ids.sita), '{"membershipsKept":2}'],
      [String(ids.hindi), '{"membershipsKept":1}'],
    ]);
    expect(verifyAuditWitnessed(db)).toMatchObject({ ok: true, problems: [] });

    // The ledger: salted hashes, never numbers, in the register and beside it.
    const ledger = rawOf(db).prepare('SELECT phone_hash, person_id FROM erasure_ledger ORDER BY id').all();
    expect(ledger).toEqual([
      { phone_hash: expect.stringMatching(/^[0-9a-f]{64}$/), person_id: ids.sita },
      { phone_hash: expect.stringMatching(/^[0-9a-f]{64}$/), person_id: ids.hindi },
    ]);
    const side = readFileSync(sidecarPath(file), 'utf8');
    expect(JSON.parse(side).entries).toHaveLength(2);
    expect(side).not.toContain('98350');
    expect(side).not.toContain('94310');

    // A second erasure is refused with a reason; nothing changes.
    expect(await call(ctx, 'privacy.erase', { id: ids.sita })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // While the register is still open (WAL and shared memory in use), and after it is closed.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(leftovers(file)).toEqual([]);
    await ctx.session.close();
    expect(leftovers(file)).toEqual([]);
  });

  test('an unknown number is NOT_FOUND, a bad one BAD_INPUT', async () => {
    expect(await call(ctx, 'privacy.erase', { phone: '9000000001' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call(ctx, 'privacy.erase', { phone: '12' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  test('a register restored from a copy made before the erasure is erased again when opened', async () => {
    const ids = await addPeople();
    // The backup: a consistent copy made before the erasure.
    const backup = `${file}.backup`;
    await rawOf(ctx.session.db()).backup(backup);
    await ok(ctx, 'privacy.erase', { phone: SITA.phone });
    await ctx.session.close();

    // Restore: the old copy replaces the register; the sidecar ledger stays beside it.
    for (const part of [`${file}-wal`, `${file}-shm`]) rmSync(part, { force: true });
    copyFileSync(backup, file);
    rmSync(backup);
    expect(leftovers(file).length).toBeGreaterThan(0);

    const db = ctx.session.open(file);
    const p = await ok(ctx, 'people.get', { id: ids.sita });
    expect(p.person).toMatchObject({ name: `erased-${ids.sita}`, phone: null });
    const again = all(db, db.k.selectFrom('auditLog').selectAll().where('action', '=', 'erase'));
    expect(again).toHaveLength(1);
    expect(again[0]!.operator).toBe('samooh:erasure-ledger');
    expect(JSON.parse(again[0]!.after!)).toMatchObject({ reappliedFromLedger: true, membershipsKept: 2 });
    expect(verifyAuditWitnessed(db).ok).toBe(true);
    // The Hindi citizen was not erased: the ledger names only what was erased.
    expect((await ok(ctx, 'people.get', { id: ids.hindi })).person.name).toBe(HINDI.name);

    // Opening once more applies nothing twice.
    await ctx.session.close();
    ctx.session.open(file);
    expect(
      all(ctx.session.db(), ctx.session.db().k.selectFrom('auditLog').select('id').where('action', '=', 'erase')),
    ).toHaveLength(1);
    await ctx.session.close();
    const left = leftovers(file).filter(
      (l) => !l.includes('सीता') && !l.includes('गांधी') && !l.includes('94310') && !l.includes('9431098765'),
    );
    expect(left).toEqual([]);
  });
});
