// Axis labels for ranks. The full English names ("Additional Superintendent of Police") wrap onto
// three lines on a chart axis and run into their neighbours, so the axis shows the abbreviation
// a police clerk uses anyway, and the tooltip shows the full name. Ranks are data (a register can
// add its own), so a rank this table does not know gets its name cut to one line instead.

/** The abbreviation of each default rank (db/ranks.ts codes), as written on a roster. */
const SHORT_EN: Readonly<Record<string, string>> = {
  DGP: 'DGP',
  ADG: 'ADG',
  IG: 'IG',
  DIG: 'DIG',
  SSP: 'SSP',
  SP: 'SP',
  ADDL_SP: 'Addl. SP',
  ASP: 'ASP',
  DSP: 'DSP',
  INSPECTOR: 'Inspector',
  SI: 'SI',
  ASI: 'ASI',
  HAVILDAR: 'Havildar',
  CONSTABLE: 'Constable',
  HOME_GUARD: 'Home Guard',
  CHOWKIDAR: 'Chowkidar',
  DAFADAR: 'Dafadar',
  CIVILIAN: 'Civilian',
};

/** Longest label (in characters) that stays on one line in the axis width of its language. */
export const MAX_LABEL = { en: 12, hi: 20 } as const;

/** Cuts `s` to `max` characters with an ellipsis, on a character (not UTF-16 unit) boundary. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max
    ? s
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

export interface RankNames {
  rank: string;
  rankEn: string;
  rankHi: string;
}

/** The one-line axis label of a rank. */
export function rankAxisLabel(r: RankNames, lang: 'en' | 'hi'): string {
  if (lang === 'hi') return truncate(r.rankHi || r.rankEn, MAX_LABEL.hi);
  return SHORT_EN[r.rank] ?? truncate(r.rankEn, MAX_LABEL.en);
}

/** The full name for the tooltip; English adds the abbreviation the axis shows. */
export function rankFullName(r: RankNames, lang: 'en' | 'hi'): string {
  if (lang === 'hi') return r.rankHi || r.rankEn;
  const short = SHORT_EN[r.rank];
  return short && short !== r.rankEn ? `${r.rankEn} (${short})` : r.rankEn;
}
