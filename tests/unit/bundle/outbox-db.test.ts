// Migration 2 against a real SQLite file: the key and outbox tables exist with the columns
// db/bundles.ts declares, the outbox keeps its chain, and it is append-only.
import { describe, expect, it } from 'vitest';
import {
  GENESIS_TAGMANIFEST,
  activeKey,
  insertKey,
  insertKeySecret,
  insertOutbox,
  lastOutbox,
  listOutbox,
  type OutboxRow,
} from '../../../db/bundles.js';
import { makeRegister } from '../../fixtures/builders.js';
import { rawOf } from '../../../db/raw.js';

const KEY = 'B6E78845F7CFFD0A';
const h = (c: string) => c.repeat(64);

function row(seq: number, prev: string, tag: string): OutboxRow {
  return {
    seq,
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'test',
    uuid: `00000000-0000-4000-8000-00000000000${seq}`,
    fileName: `samooh-PAT-20260101-${seq}.zip`,
    baggingDate: '2026-01-01',
    keyId: KEY,
    previousTagmanifestSha256: prev,
    tagmanifestSha256: tag,
    zipSha256: h('e'),
    zipBytes: 100,
    withMembers: 0,
    target: 'folder',
    location: '/tmp/x.zip',
    figures: '{}',
  };
}

describe('bundle tables (migration 2)', () => {
  it('declares exactly the columns the migration creates', () => {
    const { db } = makeRegister();
    const cols = (t: string) =>
      (rawOf(db).prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[])
        .map((c) => c.name)
        .sort();
    expect(cols('district_keys')).toEqual(['created_at', 'created_by', 'key_id', 'public_key', 'retired_at']);
    expect(cols('district_key_secrets')).toEqual(['created_at', 'key_id', 'protector', 'sealed']);
    expect(cols('bundle_outbox')).toEqual(
      [
        'seq',
        'created_at',
        'created_by',
        'uuid',
        'file_name',
        'bagging_date',
        'key_id',
        'previous_tagmanifest_sha256',
        'tagmanifest_sha256',
        'zip_sha256',
        'zip_bytes',
        'with_members',
        'target',
        'location',
        'figures',
      ].sort(),
    );
  });

  it('keeps one active key and the outbox chain, append-only', () => {
    const { db } = makeRegister();
    const pub = 'RWQK/c/3RYjntpLs/JD88qEvUn5TTcYZpL9rRhJ6m0Bmsn5WFkSSquap';
    insertKey(db, { keyId: KEY, publicKey: pub, createdAt: 'x', createdBy: 'y' });
    expect(activeKey(db)?.keyId).toBe(KEY);
    expect(() =>
      insertKey(db, { keyId: '0000000000000001', publicKey: pub.replace('R', 'S'), createdAt: 'x', createdBy: 'y' }),
    ).toThrow(/UNIQUE/);
    expect(() => insertKey(db, { keyId: 'lowercasehex0000', publicKey: pub, createdAt: 'x', createdBy: 'y' })).toThrow(
      /CHECK/,
    );
    insertKeySecret(db, { keyId: KEY, protector: 'os', sealed: 'abc', createdAt: 'x' });

    expect(lastOutbox(db)).toBeUndefined();
    // The first bundle must name the genesis hash; the second must follow the first.
    expect(() => insertOutbox(db, row(1, h('1'), h('a')))).toThrow(/chain broken/);
    insertOutbox(db, row(1, GENESIS_TAGMANIFEST, h('a')));
    expect(() => insertOutbox(db, row(3, h('a'), h('b')))).toThrow(/chain broken/);
    expect(() => insertOutbox(db, row(2, h('c'), h('b')))).toThrow(/chain broken/);
    expect(() => insertOutbox(db, row(2, h('a'), 'nothex'))).toThrow(/CHECK/);
    insertOutbox(db, row(2, h('a'), h('b')));
    expect(listOutbox(db).map((r) => r.seq)).toEqual([2, 1]);
    expect(() => rawOf(db).prepare('DELETE FROM bundle_outbox').run()).toThrow(/append-only/);
    expect(() => rawOf(db).prepare("UPDATE bundle_outbox SET location = 'x'").run()).toThrow(/append-only/);
  });
});
