// Backups of the register (SPEC §10, issue #10): consistent online copies (SQLite's backup API,
// db/backup.ts) with a `sha256sum`-style checksum file beside each; the clerk's "Back up now" to
// a folder (a USB stick), and automatic ones on closing the app and once a day, keeping the
// last N. A backup does not change the register (no audit entry): only restoring one does.
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../../db/audit.js';
import { backupDatabase } from '../../../db/backup.js';
import { transaction } from '../../../db/exec.js';
import type { RegisterDb } from '../../../db/register-db.js';
import { getSetting, setSetting } from '../../../db/settings.js';
import { reasonError } from '../../contract/errors.js';
import type { Actor } from '../actor.js';
import type { Progress } from '../../contract/progress.js';
import { ioReason, partialOf, sha256OfFile, syncDir, writeFileDurably } from '../bundle/store-files.js';

export const DEFAULT_KEEP = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupKind = 'manual' | 'auto' | 'replaced';

/** Where a register's own backups go: `<register folder>/backups/<register name>/`. */
export function backupsDir(registerFile: string): string {
  const base = path.basename(registerFile).replace(/\.[^.]*$/, '') || 'register';
  return path.join(path.dirname(registerFile), 'backups', base);
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export function backupFileName(district: string, now: Date, kind: BackupKind): string {
  const suffix = kind === 'auto' ? '-auto' : kind === 'replaced' ? '-replaced' : '';
  return `samooh-${district}-${stamp(now)}${suffix}.sqlite`;
}

/**
 * A backup name not yet taken in `folder`: two backups within one second (a clerk pressing "Back
 * up now" twice, a restore right after one) get `-2`, `-3`… after the time, never an error.
 */
export function freeBackupPath(folder: string, district: string, now: Date, kind: BackupKind): string {
  const name = backupFileName(district, now, kind);
  let file = path.join(folder, name);
  for (let n = 2; existsSync(file); n++) {
    file = path.join(folder, name.replace(`-${stamp(now)}`, `-${stamp(now)}-${n}`));
  }
  return file;
}

const NAME_RE = /^samooh-[A-Za-z0-9_-]+?-(\d{8}-\d{6})(?:-\d+)?(-auto|-replaced)?\.sqlite$/;

export interface BackupWritten {
  file: string;
  checksumFile: string;
  bytes: number;
  sha256: string;
  createdAt: string;
}

/**
 * Copies the open register to `file` (which must not exist): the backup API into `.<name>.partial`,
 * flushed, renamed, then `<file>.sha256` (`sha256sum -c` reads it). A crash leaves no half backup
 * under the final name.
 */
export async function writeBackup(
  db: RegisterDb,
  file: string,
  by: Actor & { progress?: (p: Progress) => void },
): Promise<BackupWritten> {
  const dir = path.dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw reasonError(
      'BAD_INPUT',
      'folder_missing',
      `The folder ${dir} does not exist.`,
      { folder: dir },
      { folder: dir },
    );
  }
  if (existsSync(file)) {
    throw reasonError(
      'CONFLICT',
      'file_exists',
      `${path.basename(file)} already exists in ${dir}; it is not overwritten.`,
      { file: path.basename(file), folder: dir },
      { file },
    );
  }
  const tmp = partialOf(file);
  rmSync(tmp, { force: true });
  try {
    await backupDatabase(db, tmp, (done, total) => by.progress?.({ phase: 'backup', done, total }));
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    syncDir(dir);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw reasonError(
      'BAD_INPUT',
      'write_failed',
      `Cannot write the backup to ${dir}: ${ioReason(err)}.`,
      { target: dir },
      {
        folder: dir,
        code: (err as NodeJS.ErrnoException).code,
      },
    );
  }
  const h = sha256OfFile(file)!;
  const checksumFile = `${file}.sha256`;
  writeFileDurably(checksumFile, `${h.sha256}  ${path.basename(file)}\n`);
  by.progress?.({ phase: 'done', done: 1, total: 1 });
  return { file, checksumFile, bytes: h.bytes, sha256: h.sha256, createdAt: by.now().toISOString() };
}

function districtCode(db: RegisterDb): string {
  const d = getSetting(db, 'district');
  if (!d)
    throw reasonError(
      'NO_REGISTER',
      'district_not_set',
      'This register has no district set; create the register first.',
    );
  return d.code;
}

export type BackupTarget = { kind: 'folder'; folder: string } | { kind: 'file'; file: string } | { kind: 'own' };

/** "Back up now": into a chosen folder, an exact file (CLI), or the register's own backups folder. */
export async function backupNow(
  db: RegisterDb,
  to: BackupTarget,
  by: Actor & { progress?: (p: Progress) => void },
): Promise<BackupWritten> {
  const now = by.now();
  if (to.kind === 'file') return writeBackup(db, to.file, by);
  const folder = to.kind === 'folder' ? to.folder : backupsDir(db.file);
  if (to.kind === 'own') mkdirSync(folder, { recursive: true });
  return writeBackup(db, freeBackupPath(folder, districtCode(db), now, 'manual'), by);
}

export interface BackupEntry {
  file: string;
  fileName: string;
  kind: BackupKind;
  bytes: number;
  /** From the file name (UTC), else the file's time. */
  createdAt: string;
  hasChecksum: boolean;
}

function parseStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.000Z`;
}

/** The backups in a folder, newest first. */
export function backupsIn(folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const out: BackupEntry[] = [];
  for (const name of readdirSync(folder)) {
    const m = NAME_RE.exec(name);
    if (!m) continue;
    const file = path.join(folder, name);
    const st = lstatSync(file);
    if (!st.isFile()) continue;
    out.push({
      file,
      fileName: name,
      kind: m[2] === '-auto' ? 'auto' : m[2] === '-replaced' ? 'replaced' : 'manual',
      bytes: st.size,
      createdAt: parseStamp(m[1]!),
      hasChecksum: existsSync(`${file}.sha256`),
    });
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function backupSettings(db: RegisterDb): { keep: number } {
  return getSetting(db, 'backup') ?? { keep: DEFAULT_KEEP };
}

export function setBackupSettings(db: RegisterDb, keep: number, by: Actor): { keep: number } {
  const before = backupSettings(db);
  const value = { keep };
  transaction(db, () => {
    setSetting(db, 'backup', value);
    appendAudit(
      db,
      { operator: by.operator, action: 'settings', entity: 'settings', entityId: 'backup', before, after: value },
      by.now(),
    );
  });
  return value;
}

export function listBackups(db: RegisterDb) {
  const folder = backupsDir(db.file);
  return { folder, keep: backupSettings(db).keep, backups: backupsIn(folder) };
}

/**
 * The automatic backup: on closing the app always, daily only when the newest automatic one is
 * a day old. Keeps the newest `keep` automatic backups (the clerk's own and the copies kept by a
 * restore are never removed).
 */
export async function autoBackup(
  db: RegisterDb,
  reason: 'close' | 'daily',
  by: Actor,
): Promise<{ written: BackupWritten | null; removed: string[] }> {
  const folder = backupsDir(db.file);
  const autos = backupsIn(folder).filter((b) => b.kind === 'auto');
  const now = by.now();
  if (reason === 'daily' && autos[0] && now.getTime() - Date.parse(autos[0].createdAt) < DAY_MS) {
    return { written: null, removed: [] };
  }
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, backupFileName(districtCode(db), now, 'auto'));
  // Two in the same second (a close right after the daily one): the first stands.
  const written = existsSync(file) ? null : await writeBackup(db, file, by);
  const removed: string[] = [];
  const keep = backupSettings(db).keep;
  for (const old of backupsIn(folder)
    .filter((b) => b.kind === 'auto')
    .slice(keep)) {
    rmSync(old.file, { force: true });
    rmSync(`${old.file}.sha256`, { force: true });
    removed.push(old.file);
  }
  return { written, removed };
}
