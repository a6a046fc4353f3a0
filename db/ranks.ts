// Ranks are data (SPEC §3): this is only the default list a new register is seeded with. Each
// rank has English and Hindi names and accepted spellings; imports match any of them,
// case-insensitively and ignoring dots, hyphens and spaces ("Sub-Inspector" = "sub inspector").
import type { RegisterDb } from './register-db.js';
import { all, run, transaction } from './exec.js';
import type { Rank } from './schema.js';

export interface RankSeed {
  code: string;
  nameEn: string;
  nameHi: string;
  aliases: string[];
}

export const DEFAULT_RANKS: readonly RankSeed[] = [
  { code: 'DGP', nameEn: 'Director General of Police', nameHi: 'पुलिस महानिदेशक', aliases: ['DGP', 'Director General'] },
  {
    code: 'ADG',
    nameEn: 'Additional Director General',
    nameHi: 'अपर पुलिस महानिदेशक',
    aliases: ['ADG', 'ADGP', 'Additional DG'],
  },
  {
    code: 'IG',
    nameEn: 'Inspector General',
    nameHi: 'पुलिस महानिरीक्षक',
    aliases: ['IG', 'IGP', 'Inspector General of Police'],
  },
  {
    code: 'DIG',
    nameEn: 'Deputy Inspector General',
    nameHi: 'पुलिस उपमहानिरीक्षक',
    aliases: ['DIG', 'Deputy Inspector General of Police'],
  },
  {
    code: 'SSP',
    nameEn: 'Senior Superintendent of Police',
    nameHi: 'वरिष्ठ पुलिस अधीक्षक',
    aliases: ['SSP', 'Senior SP'],
  },
  { code: 'SP', nameEn: 'Superintendent of Police', nameHi: 'पुलिस अधीक्षक', aliases: ['SP'] },
  {
    code: 'ADDL_SP',
    nameEn: 'Additional Superintendent of Police',
    nameHi: 'अपर पुलिस अधीक्षक',
    aliases: ['Addl. SP', 'Addl SP', 'Additional SP', 'ASP (Addl)'],
  },
  {
    code: 'ASP',
    nameEn: 'Assistant Superintendent of Police',
    nameHi: 'सहायक पुलिस अधीक्षक',
    aliases: ['ASP', 'Assistant SP'],
  },
  {
    code: 'DSP',
    nameEn: 'Deputy Superintendent of Police',
    nameHi: 'पुलिस उपाधीक्षक',
    aliases: ['DSP', 'Dy. SP', 'Dy SP', 'SDPO'],
  },
  {
    code: 'INSPECTOR',
    nameEn: 'Inspector',
    nameHi: 'निरीक्षक',
    aliases: ['Inspector', 'Insp', 'Insp.', 'पुलिस निरीक्षक'],
  },
  {
    code: 'SI',
    nameEn: 'Sub-Inspector',
    nameHi: 'अवर निरीक्षक',
    aliases: ['SI', 'Sub-Inspector', 'Sub Inspector', 'दारोगा', 'दरोगा', 'पुलिस अवर निरीक्षक'],
  },
  {
    code: 'ASI',
    nameEn: 'Assistant Sub-Inspector',
    nameHi: 'सहायक अवर निरीक्षक',
    aliases: ['ASI', 'Assistant Sub-Inspector', 'Assistant Sub Inspector', 'सहायक दारोगा'],
  },
  {
    code: 'HAVILDAR',
    nameEn: 'Havildar',
    nameHi: 'हवलदार',
    aliases: ['Havildar', 'Head Constable', 'HC', 'प्रधान आरक्षी'],
  },
  {
    code: 'CONSTABLE',
    nameEn: 'Constable',
    nameHi: 'सिपाही',
    aliases: ['Constable', 'PC', 'Const', 'Const.', 'आरक्षी', 'सिपाही'],
  },
  { code: 'HOME_GUARD', nameEn: 'Home Guard', nameHi: 'गृह रक्षक', aliases: ['Home Guard', 'HG', 'होमगार्ड', 'गृह रक्षक'] },
  { code: 'CHOWKIDAR', nameEn: 'Chowkidar', nameHi: 'चौकीदार', aliases: ['Chowkidar', 'Chaukidar'] },
  { code: 'DAFADAR', nameEn: 'Dafadar', nameHi: 'दफादार', aliases: ['Dafadar', 'Dafedar'] },
  {
    code: 'CIVILIAN',
    nameEn: 'Civilian staff',
    nameHi: 'असैनिक कर्मी',
    aliases: ['Civilian', 'Civilian staff', 'Ministerial staff', 'असैनिक'],
  },
];

/** Inserts the default ranks into an empty rank table; does nothing if ranks exist. */
export function seedDefaultRanks(db: RegisterDb): void {
  transaction(db, () => {
    const existing = all(db, db.k.selectFrom('ranks').select('id').limit(1));
    if (existing.length) return;
    DEFAULT_RANKS.forEach((r, i) => {
      run(
        db,
        db.k.insertInto('ranks').values({
          code: r.code,
          nameEn: r.nameEn,
          nameHi: r.nameHi,
          aliases: JSON.stringify(r.aliases),
          sortOrder: i + 1,
        }),
      );
    });
  });
}

/** "Sub-Inspector" → "subinspector": case, spaces, dots and hyphens do not matter. */
export function rankKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s.\-_()]+/g, '');
}

export function listRanks(db: RegisterDb): Rank[] {
  return all(db, db.k.selectFrom('ranks').selectAll().orderBy('sortOrder'));
}

/** A lookup from any accepted spelling (code, English, Hindi, alias) to the rank. */
export function rankMatcher(ranks: readonly Rank[]): (text: string) => Rank | undefined {
  const map = new Map<string, Rank>();
  // Earlier (higher) ranks win a clash; codes and names are added before aliases.
  for (const r of ranks) for (const s of [r.code, r.nameEn, r.nameHi]) if (!map.has(rankKey(s))) map.set(rankKey(s), r);
  for (const r of ranks) {
    for (const a of JSON.parse(r.aliases) as string[]) if (!map.has(rankKey(a))) map.set(rankKey(a), r);
  }
  return (text) => map.get(rankKey(text));
}
