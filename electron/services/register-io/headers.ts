// Which sheet is which, and which column is which field (SPEC §5). Clerks write headers in
// English or Hindi, with dots, stars, brackets and odd spacing ("मोबाइल नं.", "Mobile No *",
// "Service_No"); matching ignores case, spacing and punctuation, and Devanagari spelling variants
// (chandrabindu/anusvara, nukta). A column nobody recognises is kept aside and reported; a mapping
// the clerk makes by hand wins over the alias table and is remembered by header signature.
import { createHash } from 'node:crypto';
import type { Cell } from '../../contract/values/cells.js';
import { cellShown } from '../../contract/values/cells.js';
import { matchKey } from '../../contract/values/text.js';
import { SHEET_FIELDS, SHEETS, type SheetName } from '../../contract/sheets.js';
import type { ColumnReport, SheetMapping } from './types.js';

export { matchKey };

// Header aliases per sheet. Keys are written readably and passed through matchKey.
/** How registers head a mobile-number column; the staff and members sheets share it. */
const PHONE_ALIASES = [
  'phone',
  'mobile',
  'mobile no',
  'mobile number',
  'phone no',
  'phone number',
  'contact',
  'contact no',
  'whatsapp',
  'whatsapp no',
  'whatsapp number',
  'मोबाइल',
  'मोबाइल नं',
  'मोबाइल नंबर',
  'मोबाइल न',
  'मोबाइल संख्या',
  'फोन',
  'फोन नं',
  'फोन नंबर',
  'संपर्क',
  'संपर्क सूत्र',
  'व्हाट्सएप',
  'व्हाट्सएप नंबर',
];

const ALIASES: { [S in SheetName]: { [F in (typeof SHEET_FIELDS)[S][number]]: string[] } } = {
  units: {
    code: ['code', 'unit code', 'unit_code', 'unit id', 'कोड', 'इकाई कोड', 'इकाई का कोड'],
    name: [
      'name',
      'unit name',
      'name (english)',
      'english name',
      'name_en',
      'नाम',
      'इकाई का नाम',
      'इकाई नाम',
      'थाना का नाम',
      'नाम (अंग्रेजी)',
    ],
    name_hi: [
      'name_hi',
      'name hi',
      'hindi name',
      'name (hindi)',
      'name in hindi',
      'हिंदी नाम',
      'हिन्दी नाम',
      'नाम (हिंदी)',
      'नाम (हिन्दी)',
      'नाम हिंदी में',
    ],
    type: ['type', 'unit type', 'kind', 'category', 'प्रकार', 'इकाई का प्रकार', 'इकाई प्रकार', 'श्रेणी'],
    parent_code: [
      'parent_code',
      'parent',
      'parent code',
      'parent thana',
      'parent unit',
      'thana code',
      'मूल थाना',
      'संबद्ध थाना',
      'मूल इकाई',
      'अधीन थाना',
      'थाना कोड',
    ],
    division: ['division', 'wing', 'organisation', 'organization', 'प्रभाग', 'विभाग', 'संगठन'],
  },
  groups: {
    code: ['code', 'group code', 'group_code', 'group id', 'कोड', 'समूह कोड', 'ग्रुप कोड', 'समूह का कोड'],
    unit_code: [
      'unit_code',
      'unit',
      'unit code',
      'thana',
      'thana code',
      'police station',
      'इकाई',
      'इकाई कोड',
      'थाना',
      'थाना कोड',
    ],
    kind: ['kind', 'type', 'group type', 'group kind', 'प्रकार', 'समूह का प्रकार', 'ग्रुप का प्रकार'],
    name: [
      'name',
      'group name',
      'whatsapp name',
      'whatsapp group name',
      'नाम',
      'समूह का नाम',
      'ग्रुप का नाम',
      'समूह नाम',
      'व्हाट्सएप ग्रुप का नाम',
    ],
    created_on: [
      'created_on',
      'created',
      'created on',
      'date created',
      'creation date',
      'date of creation',
      'बनाने की तिथि',
      'गठन तिथि',
      'गठन की तिथि',
      'निर्माण तिथि',
    ],
    admin_service_no: [
      'admin_service_no',
      'admin',
      'admin service no',
      'admin service number',
      'admin_service',
      'एडमिन',
      'एडमिन सेवा संख्या',
      'व्यवस्थापक',
      'व्यवस्थापक सेवा संख्या',
    ],
    invite_link: [
      'invite_link',
      'invite link',
      'link',
      'group link',
      'whatsapp link',
      'लिंक',
      'आमंत्रण लिंक',
      'ग्रुप लिंक',
      'समूह लिंक',
    ],
    status: ['status', 'state', 'स्थिति'],
  },
  staff: {
    service_no: [
      'service_no',
      'service no',
      'service number',
      'service id',
      'badge no',
      'badge number',
      'belt no',
      'employee id',
      'emp id',
      'cms no',
      'सेवा संख्या',
      'सेवा सं',
      'सेवा नं',
      'बैज नं',
      'बैज संख्या',
      'बेल्ट नं',
      'बेल्ट संख्या',
      'कर्मचारी संख्या',
      'सिपाही संख्या',
    ],
    name: ['name', 'full name', 'staff name', 'officer name', 'नाम', 'कर्मी का नाम', 'पदाधिकारी का नाम', 'नाम कर्मी'],
    rank: ['rank', 'designation', 'post', 'पद', 'रैंक', 'पदनाम', 'श्रेणी'],
    gender: ['gender', 'sex', 'लिंग'],
    posting_unit_code: [
      'posting_unit_code',
      'posting',
      'posting unit',
      'posting unit code',
      'unit',
      'unit code',
      'posted at',
      'place of posting',
      'पदस्थापन',
      'पदस्थापन इकाई',
      'पदस्थापन स्थल',
      'तैनाती',
      'तैनाती स्थल',
      'इकाई',
      'इकाई कोड',
    ],
    phone: PHONE_ALIASES,
  },
  members: {
    group_code: ['group_code', 'group', 'group code', 'group id', 'समूह', 'समूह कोड', 'ग्रुप', 'ग्रुप कोड'],
    service_no: [
      'service_no',
      'service no',
      'service number',
      'badge no',
      'belt no',
      'सेवा संख्या',
      'सेवा सं',
      'सेवा नं',
      'बैज नं',
      'बैज संख्या',
      'बेल्ट नं',
    ],
    name: ['name', 'member name', 'full name', 'नाम', 'सदस्य का नाम', 'सदस्य नाम', 'नाम सदस्य'],
    phone: PHONE_ALIASES,
    category: ['category', 'member type', 'type', 'श्रेणी', 'वर्ग', 'प्रकार', 'सदस्य का प्रकार'],
    locality: [
      'locality',
      'village',
      'address',
      'area',
      'mohalla',
      'place',
      'ग्राम',
      'गांव',
      'पता',
      'मोहल्ला',
      'स्थान',
      'क्षेत्र',
      'ग्राम/मोहल्ला',
    ],
    occupation: ['occupation', 'profession', 'work', 'business', 'व्यवसाय', 'पेशा', 'कार्य', 'काम'],
    joined_on: [
      'joined_on',
      'joined',
      'joined on',
      'join date',
      'date of joining',
      'joining date',
      'जुड़ने की तिथि',
      'जोड़ने की तिथि',
      'सदस्यता तिथि',
      'शामिल होने की तिथि',
    ],
    left_on: [
      'left_on',
      'left',
      'left on',
      'exit date',
      'date of leaving',
      'removed on',
      'हटने की तिथि',
      'छोड़ने की तिथि',
      'निकलने की तिथि',
      'हटाने की तिथि',
    ],
    consent_on: ['consent_on', 'consent', 'consent date', 'consent on', 'सहमति', 'सहमति तिथि', 'सहमति की तिथि'],
    consent_how: ['consent_how', 'consent how', 'consent method', 'consent mode', 'सहमति का तरीका', 'सहमति का माध्यम'],
  },
};

/** Headers that are clearly not data to import (serial numbers); ignored without a warning. */
const IGNORABLE = new Set(
  ['sno', 'slno', 'srno', 'sn', 'no', 'serialno', 'serial', 'क्रम', 'क्रमसंख्या', 'क्रमांक', 'कसं'].map(matchKey),
);

const aliasIndex: Record<SheetName, Map<string, string>> = Object.fromEntries(
  SHEETS.map((s) => {
    const m = new Map<string, string>();
    for (const [field, names] of Object.entries(ALIASES[s]) as [string, string[]][]) {
      for (const n of [field, ...names]) if (!m.has(matchKey(n))) m.set(matchKey(n), field);
    }
    return [s, m];
  }),
) as Record<SheetName, Map<string, string>>;

export function fieldForHeader(sheet: SheetName, header: string): string | undefined {
  return aliasIndex[sheet].get(matchKey(header));
}

const SHEET_ALIASES: Record<SheetName, string[]> = {
  units: ['units', 'unit', 'इकाई', 'इकाइयां', 'इकाइयाँ', 'थाने', 'इकाईयां'],
  groups: ['groups', 'group', 'whatsapp groups', 'समूह', 'ग्रुप', 'समूहों', 'व्हाट्सएप ग्रुप'],
  staff: ['staff', 'personnel', 'police staff', 'कर्मी', 'पुलिसकर्मी', 'पुलिस कर्मी', 'बल', 'कर्मचारी'],
  members: ['members', 'member', 'सदस्य', 'सदस्यों', 'सदस्य सूची'],
};
const sheetIndex = new Map<string, SheetName>();
for (const s of SHEETS) for (const a of SHEET_ALIASES[s]) sheetIndex.set(matchKey(a), s);

/** "Members", "सदस्य", "members.csv" → 'members'. */
export function sheetForName(name: string): SheetName | undefined {
  return sheetIndex.get(matchKey(name.replace(/\.(csv|tsv|txt)$/i, '')));
}

export const REQUIRED: Record<SheetName, readonly string[]> = {
  units: ['code', 'name', 'type'],
  groups: ['code', 'unit_code', 'kind', 'name'],
  staff: ['service_no', 'name', 'rank', 'gender', 'posting_unit_code'],
  // Members also need either service_no, or name and phone: checked per row.
  members: ['group_code'],
};

/** Columns a sheet must have (by field), as a list of alternatives each fully required. */
export function missingColumns(sheet: SheetName, fields: ReadonlySet<string>): string[] {
  const missing = REQUIRED[sheet].filter((f) => !fields.has(f));
  if (sheet === 'members' && !fields.has('service_no') && !(fields.has('name') && fields.has('phone'))) {
    if (!fields.has('name')) missing.push('name');
    if (!fields.has('phone')) missing.push('phone');
  }
  return missing;
}

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function headerText(c: Cell): string {
  return (cellShown(c, 200) ?? '').trim();
}

/** Key under which a hand-made mapping is remembered: the sheet and its header signature. */
export function mappingKey(sheet: SheetName, headers: readonly string[]): string {
  const signature = headers.map(matchKey).join('\u001f');
  return `${sheet}:${createHash('sha256').update(signature, 'utf8').digest('hex').slice(0, 16)}`;
}

export interface ResolvedColumns {
  headerRowIndex: number;
  /** Field → column index. */
  fieldIndex: Map<string, number>;
  columns: ColumnReport[];
  headers: string[];
  mappingKey: string;
  unknown: ColumnReport[];
  duplicates: ColumnReport[];
}

/** How many cells of a row name a field of this sheet (or a header of the mapping). */
function headerScore(sheet: SheetName, row: readonly Cell[], mapping: SheetMapping | undefined): number {
  const mapped = new Set(Object.keys(mapping ?? {}).map(matchKey));
  let score = 0;
  for (const c of row) {
    if (typeof c !== 'string') continue;
    const k = matchKey(c);
    if (aliasIndex[sheet].has(k) || mapped.has(k)) score++;
  }
  return score;
}

/**
 * Finds the header row (the first of the first ten rows naming at least two fields; clerks often
 * put a title above it) and maps its columns to fields: the clerk's mapping first, then a
 * remembered one, then aliases. Returns undefined when no row looks like a header.
 */
export function resolveColumns(
  sheet: SheetName,
  rows: readonly Cell[][],
  explicit: SheetMapping | undefined,
  remembered: (key: string) => SheetMapping | undefined,
): ResolvedColumns | undefined {
  let headerRowIndex = -1;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    if (headerScore(sheet, rows[i]!, explicit) >= 2) {
      headerRowIndex = i;
      break;
    }
  }
  if (headerRowIndex < 0) {
    // A remembered mapping may cover headers the alias table does not know at all.
    for (let i = 0; i < Math.min(rows.length, 10); i++) {
      const headers = rows[i]!.map(headerText);
      const saved = remembered(mappingKey(sheet, headers));
      if (saved && headerScore(sheet, rows[i]!, saved) >= 1) {
        headerRowIndex = i;
        break;
      }
    }
  }
  if (headerRowIndex < 0) return undefined;
  const headerRow = rows[headerRowIndex]!;
  const headers = headerRow.map(headerText);
  const key = mappingKey(sheet, headers);
  const saved = remembered(key);
  const byKey = (m: SheetMapping | undefined) => {
    const out = new Map<string, string | null>();
    for (const [h, f] of Object.entries(m ?? {})) out.set(matchKey(h), f === '' ? null : f);
    return out;
  };
  const explicitByKey = byKey(explicit);
  const savedByKey = byKey(saved);
  const fieldIndex = new Map<string, number>();
  const columns: ColumnReport[] = [];
  const unknown: ColumnReport[] = [];
  const duplicates: ColumnReport[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const k = matchKey(header);
    let field: string | null | undefined;
    let source: ColumnReport['source'] = 'none';
    if (explicitByKey.has(k)) {
      field = explicitByKey.get(k);
      source = 'mapping';
    } else if (savedByKey.has(k)) {
      field = savedByKey.get(k);
      source = 'remembered';
    } else {
      field = aliasIndex[sheet].get(k);
      if (field) source = 'alias';
    }
    const col: ColumnReport = { header, column: columnLetter(index), field: field ?? null, source };
    if (field) {
      if (fieldIndex.has(field)) {
        duplicates.push(col);
        col.field = null;
      } else fieldIndex.set(field, index);
    } else if (source === 'none' && !IGNORABLE.has(k)) {
      unknown.push(col);
    }
    columns.push(col);
  });
  return { headerRowIndex, fieldIndex, columns, headers, mappingKey: key, unknown, duplicates };
}

/** For a sheet whose name says nothing: which register sheet its header row best matches, if any. */
export function sheetByColumns(rows: readonly Cell[][]): SheetName | undefined {
  let best: { sheet: SheetName; score: number } | undefined;
  for (const sheet of SHEETS) {
    const r = resolveColumns(sheet, rows, undefined, () => undefined);
    if (!r) continue;
    const fields = new Set(r.fieldIndex.keys());
    if (missingColumns(sheet, fields).length > 0) continue;
    const score = fields.size;
    if (!best || score > best.score) best = { sheet, score };
  }
  return best?.sheet;
}

export function isKnownField(sheet: SheetName, field: string): boolean {
  return (SHEET_FIELDS[sheet] as readonly string[]).includes(field);
}
