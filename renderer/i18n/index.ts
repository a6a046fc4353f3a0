// The translation registry. Each feature keeps its words in `renderer/i18n/<feature>.ts`
// (`{ en, hi }` via defineNamespace) and is listed once in `namespaces` below; the type
// declaration in i18next-types.d.ts then makes every `t('key')` checked by the compiler.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber } from '../format/numbers.js';
import common from './common.js';
import errors from './errors.js';
import firstRun from './first-run.js';
import dashboard from './dashboard.js';
import units from './units.js';
import members from './members.js';
import staff from './staff.js';
import importNs from './import.js';
import send from './send.js';
import backup from './backup.js';
import reconcile from './reconcile.js';
import edits from './edits.js';
import lists from './lists.js';
import privacy from './privacy.js';
import hq from './hq.js';
import registers from './registers.js';
import help from './help.js';

export const namespaces = {
  common,
  errors,
  firstRun,
  dashboard,
  units,
  members,
  staff,
  import: importNs,
  send,
  backup,
  reconcile,
  edits,
  lists,
  privacy,
  hq,
  registers,
  help,
} as const;

export type NamespaceName = keyof typeof namespaces;

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'samooh.language';

export function isLanguage(v: unknown): v is Language {
  return v === 'en' || v === 'hi';
}

/** The language the clerk chose last time; English on a fresh PC. */
export function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(v) ? v : 'en';
  } catch {
    return 'en';
  }
}

function resources() {
  const en: Record<string, unknown> = {};
  const hi: Record<string, unknown> = {};
  for (const [name, ns] of Object.entries(namespaces)) {
    en[name] = ns.en;
    hi[name] = ns.hi;
  }
  return { en, hi };
}

/**
 * A fresh i18next instance with every namespace loaded synchronously (the tables are bundled,
 * so there is no loading flash). Tests create their own instance per test.
 */
export function createI18n(lang: Language = storedLanguage()): I18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: resources() as never,
    ns: Object.keys(namespaces),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  // `{{count, num}}` in a translation: the number with Indian digit grouping (1,30,000), so
  // plurals and figures in sentences read like every other figure on screen.
  inst.services.formatter?.add('num', (value: unknown, lng: string | undefined) =>
    formatNumber(Number(value), lng === 'hi' ? 'hi' : 'en'),
  );
  const mark = (l: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  };
  mark(lang);
  inst.on('languageChanged', mark);
  return inst;
}

/** Switches the language now and remembers it for the next start. */
export async function switchLanguage(inst: I18n, lang: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private mode, a locked profile); the switch still applies.
  }
  await inst.changeLanguage(lang);
}

export function currentLanguage(inst: I18n): Language {
  return isLanguage(inst.resolvedLanguage) ? inst.resolvedLanguage : 'en';
}
