// An import issue in the clerk's language (issue #11): the headline of its code and a detail line
// worded from the values the backend named (`reason.params`). The English `message` is only the
// fallback for an issue whose wording is missing (the i18n coverage test keeps that from happening).
import type { i18n as I18n, TFunction } from 'i18next';
import type { RowIssue } from './sheet-fields.js';

type T = TFunction<'import'>;

/** The key of an issue's detail: its variant's wording if there is one, else its code's. */
export function detailKey(i18n: I18n, issue: RowIssue): string | undefined {
  const { code, params } = issue.reason;
  const variant = params?.variant;
  if (variant !== undefined) {
    const key = `details.${code}_${variant}`;
    if (i18n.exists(`import:${key}`)) return key;
  }
  const key = `details.${code}`;
  return i18n.exists(`import:${key}`) ? key : undefined;
}

/** The headline of an issue's code (the code itself if it has none). */
export function issueHeadline(t: T, i18n: I18n, issue: RowIssue): string {
  const code = issue.reason.code;
  return i18n.exists(`import:reasons.${code}`) ? t(`reasons.${code}` as 'reasons.REQUIRED') : code;
}

/** What is wrong with the row and what to do, in the language on screen. */
export function issueDetail(t: T, i18n: I18n, issue: RowIssue): string {
  const key = detailKey(i18n, issue);
  if (key === undefined) return issue.reason.message;
  const params: Record<string, string | number> = { ...issue.reason.params };
  // A member is named by service number (staff) or by phone: worded once, used by several details.
  if ((params.who === 'staff' || params.who === 'phone') && params.member !== undefined) {
    params.whoText = t(`memberWho.${params.who}`, { member: params.member });
  }
  if (typeof params.sheet === 'string' && i18n.exists(`import:sheets.${params.sheet}`)) {
    params.sheetText = t(`sheets.${params.sheet}` as 'sheets.units');
  } else if (params.sheet !== undefined) params.sheetText = params.sheet;
  return t(key as 'details.REQUIRED', params);
}

/** Headline and detail on one line (the rejected-rows CSV). */
export function issueText(t: T, i18n: I18n, issue: RowIssue): string {
  return `${issueHeadline(t, i18n, issue)} — ${issueDetail(t, i18n, issue)}`;
}
