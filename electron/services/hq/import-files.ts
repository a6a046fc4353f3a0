// Which files an HQ import reads: the paths given, folders walked for .zip files (no links
// followed, bounded depth and count). Missing paths come back as problems, not exceptions, so one
// bad path never stops the others.
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BAG_NAME_RE } from '../bundle/bundle-format.js';

export const MAX_IMPORT_FILES = 20_000;
const MAX_DEPTH = 4;

export interface ImportCandidates {
  files: string[];
  missing: { file: string; message: string }[];
}

export function collectImportFiles(paths: readonly string[]): ImportCandidates {
  const files: string[] = [];
  const missing: { file: string; message: string }[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f) && files.length < MAX_IMPORT_FILES) {
      seen.add(f);
      files.push(f);
    }
  };
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      missing.push({ file: dir, message: `cannot read the folder: ${(err as Error).message}` });
      return;
    }
    for (const name of names) {
      const p = path.join(dir, name);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory() && depth < MAX_DEPTH) walk(p, depth + 1);
      else if (st.isFile() && name.toLowerCase().endsWith('.zip')) add(p);
    }
  };
  for (const given of paths) {
    const p = path.resolve(given);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      missing.push({ file: p, message: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) walk(p, 0);
    else add(p); // links and special files are refused when read
  }
  return { files: sortByBag(files), missing };
}

/**
 * District, then sequence, by the bag name in the file name (samooh-PAT-20260105-3.zip), so a
 * folder of a year's bundles is taken in order and shows no passing gaps. Only an ordering: what
 * a bundle is comes from inside it.
 */
function sortByBag(files: string[]): string[] {
  const key = (f: string) => {
    const m = BAG_NAME_RE.exec(path.basename(f).replace(/\.zip$/i, ''));
    return m ? { d: m[1]!, s: Number(m[3]) } : null;
  };
  return files
    .map((f, i) => ({ f, i, k: key(f) }))
    .sort((a, b) => {
      if (a.k && b.k) return a.k.d < b.k.d ? -1 : a.k.d > b.k.d ? 1 : a.k.s - b.k.s || a.i - b.i;
      if (a.k || b.k) return a.k ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.f);
}
