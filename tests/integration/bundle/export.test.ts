// Writing bundles from a real register: the layout of SPEC §7, checked with tools we did not
// write (Debian's minisign, Python's zipfile, an independent BagIt check, Ajv for the JSON
// Schema), the outbox chain across bundles, and members.csv only on opt-in.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { listOutbox } from '../../../db/bundles.js';
import { verifyAudit } from '../../../db/audit.js';
import { writeBundle } from '../../../electron/services/bundle/export.js';
import { districtPublicKey } from '../../../electron/services/bundle/keys.js';
import { encodePublicKeyFile } from '../../../electron/services/bundle/minisign.js';
import { verifyBundle } from '../../../electron/services/bundle/verify.js';
import { tempDir } from '../../fixtures/temp.js';
import { independentBagCheck, keyedRegister, sampleReport, unzipToTemp } from './fixtures.js';

const NOW = new Date('2026-01-05T10:30:00Z');

describe('bundle export', () => {
  it('writes a BagIt bag in a zip that minisign and an independent BagIt check accept', async () => {
    const reg = await keyedRegister();
    const out = tempDir();
    const events: string[] = [];
    const w = await writeBundle(reg.db, {
      key: reg.key,
      report: sampleReport(),
      folder: out,
      withMembers: false,
      target: 'folder',
      operator: 'clerk',
      now: NOW,
      progress: (p) => events.push(p.phase),
    });
    expect(w.fileName).toBe('samooh-PAT-20260105-1.zip');
    expect(readdirSync(out)).toEqual([w.fileName]); // no temp file left behind
    expect(events).toEqual(['payload', 'sign', 'zip', 'verify', 'save', 'done']);

    const bag = unzipToTemp(w.file);
    expect(path.basename(bag)).toBe('samooh-PAT-20260105-1');
    expect(readdirSync(bag).sort()).toEqual([
      'bag-info.txt',
      'bagit.txt',
      'data',
      'manifest-sha256.txt',
      'tagmanifest-sha256.txt',
      'tagmanifest-sha256.txt.minisig',
    ]);
    expect(readdirSync(path.join(bag, 'data')).sort()).toEqual([
      'audit-chain.json',
      'groups.csv',
      'report.html',
      'staff-coverage.csv',
      'summary.json',
      'summary.schema.json',
      'units.csv',
    ]);
    expect(independentBagCheck(bag)).toEqual([]);

    const info = readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    for (const label of [
      'Source-Organization: Patna District Police',
      'Bagging-Date: 2026-01-05',
      'Samooh-District: PAT',
      'Samooh-Sequence: 1',
      `Samooh-Previous-Tagmanifest-SHA256: ${'0'.repeat(64)}`,
      'Samooh-Policy-Version: 1',
      `Samooh-Key-Id: ${reg.key.keyId}`,
      'Samooh-Members-Included: no',
    ]) {
      expect(info).toContain(label + '\n');
    }
    expect(info).toMatch(/^External-Identifier: [0-9a-f-]{36}$/m);
    expect(info).toMatch(/^Samooh-Audit-Head: [0-9a-f]{64}$/m);

    // Stock minisign, with the .pub file we export.
    const pub = path.join(tempDir(), 'district.pub');
    writeFileSync(pub, encodePublicKeyFile(districtPublicKey(reg.db)));
    const v = spawnSync('minisign', ['-V', '-H', '-p', pub, '-m', path.join(bag, 'tagmanifest-sha256.txt')], {
      encoding: 'utf8',
    });
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/Trusted comment: .*district:PAT\tsequence:1\tdate:2026-01-05/);
    // And `sha256sum -c` inside the bag, as SPEC §7 tells HQ.
    const sums = spawnSync('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' });
    expect(sums.status, sums.stdout + sums.stderr).toBe(0);

    // summary.json validates against the schema shipped next to it (Ajv, draft 2020-12).
    const schema = JSON.parse(readFileSync(path.join(bag, 'data/summary.schema.json'), 'utf8'));
    const summary = JSON.parse(readFileSync(path.join(bag, 'data/summary.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    expect(validate(summary), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...summary, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...summary, units: [{ ...summary.units[0], status: 'fine' }] })).toBe(false);

    // Formula-looking text is neutralised in the CSVs.
    const units = readFileSync(path.join(bag, 'data/units.csv'), 'utf8');
    expect(units.startsWith('\uFEFFcode,name,name_hi,type')).toBe(true);
    expect(units).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(readFileSync(path.join(bag, 'data/groups.csv'), 'utf8')).toContain(",'@SUM(A1),");

    // The report is self-contained and escapes register text.
    const html = readFileSync(path.join(bag, 'data/report.html'), 'utf8');
    expect(html).toContain(reg.key.keyId);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).toContain('data:font/woff2;base64,');
    expect(html.match(/<svg class="fig"/g)?.length).toBeGreaterThanOrEqual(7);

    // The outbox and the audit log remember it.
    const [row] = listOutbox(reg.db);
    expect(row).toMatchObject({ seq: 1, fileName: w.fileName, zipSha256: w.zipSha256, withMembers: 0 });
    expect(verifyAudit(reg.db).ok).toBe(true);
  });

  it('chains bundles: sequence + 1 and the previous tagmanifest hash; verify checks both', async () => {
    const reg = await keyedRegister();
    const out = tempDir();
    const opts = {
      key: reg.key,
      report: sampleReport(),
      folder: out,
      withMembers: false,
      target: 'folder' as const,
      operator: 'c',
    };
    const a = await writeBundle(reg.db, { ...opts, now: NOW });
    const b = await writeBundle(reg.db, { ...opts, now: NOW });
    const c = await writeBundle(reg.db, { ...opts, now: new Date('2026-01-06T09:00:00Z') });
    expect([a.sequence, b.sequence, c.sequence]).toEqual([1, 2, 3]);
    expect(b.previousTagmanifestSha256).toBe(a.tagmanifestSha256);
    expect(c.previousTagmanifestSha256).toBe(b.tagmanifestSha256);
    expect(c.fileName).toBe('samooh-PAT-20260106-3.zip');

    const publicKey = districtPublicKey(reg.db);
    const after = (s: { sequence: number; tagmanifestSha256: string }) => ({
      sequence: s.sequence,
      tagmanifestSha256: s.tagmanifestSha256,
    });
    expect((await verifyBundle(b.file, { publicKey, previous: after(a) })).report.ok).toBe(true);
    expect((await verifyBundle(a.file, { publicKey, previous: null })).report.ok).toBe(true);

    const codes = async (file: string, previous: Parameters<typeof verifyBundle>[1]['previous']) =>
      (await verifyBundle(file, { publicKey, previous })).report.problems.map((p) => p.code);
    expect(await codes(b.file, after(b))).toEqual(['sequence_out_of_order']); // replay
    expect(await codes(a.file, after(b))).toEqual(['sequence_out_of_order']); // older
    expect(await codes(c.file, after(a))).toEqual(['sequence_gap']);
    expect(await codes(c.file, { sequence: 2, tagmanifestSha256: a.tagmanifestSha256 })).toEqual(['chain_mismatch']);
    expect(await codes(b.file, null)).toEqual(['sequence_gap']);
    expect((await verifyBundle(a.file, { publicKey, district: 'GAYA' })).report.problems.map((p) => p.code)).toEqual([
      'district_mismatch',
    ]);
  });

  it('includes members.csv only when asked, and says so in bag-info', async () => {
    const reg = await keyedRegister();
    const out = tempDir();
    const w = await writeBundle(reg.db, {
      key: reg.key,
      report: sampleReport(),
      folder: out,
      withMembers: true,
      target: 'folder',
      operator: 'c',
      now: NOW,
    });
    const bag = unzipToTemp(w.file);
    expect(readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toContain('Samooh-Members-Included: yes\n');
    const csv = readFileSync(path.join(bag, 'data/members.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      '\uFEFFgroup_code,unit_code,member_type,name,phone,category,locality,occupation,consent_on,service_no,rank,gender,joined_on',
    );
    expect(csv.filter((l) => l.includes(',citizen,')).length).toBe(6);
    expect(csv.filter((l) => l.includes(',staff,')).length).toBe(1);
    // Phone numbers begin with '+': neutralised like every formula-looking cell.
    expect(csv.find((l) => l.includes('राम कुमार'))).toMatch(/,राम कुमार,'\+91\d{10},eminent,'\+cmd\|calc,/);
    expect(w.figures.memberRows).toBe(7);
    const groupCodes = csv.slice(1, -1).map((l) => l.split(',')[0]!);
    expect(groupCodes).toEqual([...groupCodes].sort());
    expect(independentBagCheck(bag)).toEqual([]);
    expect((await verifyBundle(w.file, { publicKey: reg.key })).report.ok).toBe(true);
  });

  it('refuses to overwrite, to sign for another district, and stops when cancelled', async () => {
    const reg = await keyedRegister();
    const out = tempDir();
    const base = { key: reg.key, folder: out, withMembers: false, target: 'folder' as const, operator: 'c', now: NOW };
    writeFileSync(path.join(out, 'samooh-PAT-20260105-1.zip'), 'someone else’s file');
    await expect(writeBundle(reg.db, { ...base, report: sampleReport() })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      writeBundle(reg.db, { ...base, folder: tempDir(), report: sampleReport({ code: 'GAYA', name: 'Gaya' }) }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const ac = new AbortController();
    const folder = tempDir();
    const p = writeBundle(reg.db, {
      ...base,
      folder,
      report: sampleReport(),
      signal: ac.signal,
      progress: (e) => {
        if (e.phase === 'zip') ac.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(folder)).toEqual([]);
    expect(listOutbox(reg.db)).toEqual([]);
    await expect(
      writeBundle(reg.db, { ...base, folder: path.join(out, 'nope'), report: sampleReport() }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
