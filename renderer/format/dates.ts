// Dates are shown dd-mm-yyyy everywhere (the way Bihar offices write them) and stored as ISO
// `yyyy-mm-dd`. Date-only strings are handled as text, never through `new Date()`, so a
// time zone can never shift a date by one day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `2024-03-07` → `07-03-2024`; an ISO timestamp → its local date; empty → ''. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${pad2(d.getDate())}-${pad2(d.getMonth() + 1)}-${d.getFullYear()}`;
}

/** An ISO timestamp → `07-03-2024 14:05` in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatDate(value)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
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

/** Today's date as ISO in local time (what a clerk means by "today"). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}
