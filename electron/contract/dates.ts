// How dates and times are shown to people, once for every screen, export, print and the HQ
// report: India time (Asia/Kolkata, UTC+05:30 all year — India has no daylight saving) written
// dd-mm-yyyy, with HH:mm (24-hour) where the time matters. Stored values stay ISO: `yyyy-mm-dd`
// for dates, UTC timestamps for moments.
//
// Date-only strings are handled as text, never through `new Date()`, so no time zone can shift a
// date by a day. Timestamps are shifted by the fixed +05:30 offset and read with the UTC getters,
// so the result is the same on a PC set to any zone (a Windows PC in UTC, CI in UTC, a clerk's
// PC in IST) and does not depend on the platform's time-zone database.

/** India Standard Time is UTC+05:30 with no daylight saving. */
export const IST_OFFSET_MINUTES = 330;
export const IST_ZONE = 'Asia/Kolkata';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

type Moment = string | number | Date;

/** A moment as the fields of India's wall clock, or null when it is not a time. */
function istParts(value: Moment): { y: number; mo: number; d: number; h: number; mi: number } | null {
  const t = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(t)) return null;
  const ist = new Date(t + IST_OFFSET_MINUTES * 60_000);
  return {
    y: ist.getUTCFullYear(),
    mo: ist.getUTCMonth() + 1,
    d: ist.getUTCDate(),
    h: ist.getUTCHours(),
    mi: ist.getUTCMinutes(),
  };
}

/**
 * `2024-03-07` → `07-03-2024`; a timestamp (ISO string, epoch ms or Date) → its date in India;
 * empty → ''; anything unreadable is returned unchanged (never hide what the register holds).
 */
export function formatDate(value: Moment | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  }
  const p = istParts(value);
  if (!p) return String(value);
  return `${pad2(p.d)}-${pad2(p.mo)}-${p.y}`;
}

/** A timestamp → `07-03-2024 14:05` in India time; a date-only value → its date alone. */
export function formatDateTime(value: Moment | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(value);
  const p = istParts(value);
  if (!p) return String(value);
  return `${pad2(p.d)}-${pad2(p.mo)}-${p.y} ${pad2(p.h)}:${pad2(p.mi)}`;
}

/** A timestamp → `14:05` in India time. */
export function formatTime(value: Moment | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const p = istParts(value);
  return p ? `${pad2(p.h)}:${pad2(p.mi)}` : '';
}

/** Today's date in India as ISO `yyyy-mm-dd` (what a clerk means by "today", on any PC clock zone). */
export function todayIso(now: Date = new Date()): string {
  const p = istParts(now)!;
  return `${p.y}-${pad2(p.mo)}-${pad2(p.d)}`;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * What the clerk typed → ISO `yyyy-mm-dd`, or null when it is not a real date. Accepts
 * `dd-mm-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy` and ISO.
 */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  let y: number, mo: number, d: number;
  const iso = ISO_DATE.exec(s);
  const dmy = DMY.exec(s);
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, mo, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else return null;
  if (!validYmd(y, mo, d)) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}
