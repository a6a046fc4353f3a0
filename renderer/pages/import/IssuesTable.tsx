// Rejected rows (and rows for review) as the clerk fixes them in Excel: sheet, row number as
// Excel shows it, column, the value as read, and why. Long lists show their first part; the
// whole list can be saved as a CSV file. The reason is the code's headline and a detail line,
// both in the language on screen (issue-text.ts).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../components/DataTable.js';
import { EmptyState } from '../../components/EmptyState.js';
import { useFormat } from '../../format/use-format.js';
import { issueDetail, issueHeadline } from './issue-text.js';
import type { RowIssue } from './sheet-fields.js';

export const ISSUES_SHOWN = 500;

interface IssuesTableProps {
  issues: readonly RowIssue[];
  caption: string;
  emptyText: string;
}

type Indexed = RowIssue & { i: number };

export function IssuesTable({ issues, caption, emptyText }: IssuesTableProps) {
  const { t, i18n } = useTranslation('import');
  const f = useFormat();
  const rows = useMemo<Indexed[]>(() => issues.slice(0, ISSUES_SHOWN).map((x, i) => ({ ...x, i })), [issues]);

  const sheetName = (s: string) => (i18n.exists(`import:sheets.${s}`) ? t(`sheets.${s}` as 'sheets.units') : s);

  const columns: Column<Indexed>[] = [
    {
      key: 'sheet',
      header: t('preview.sheet'),
      sortValue: (r) => r.sheet,
      cell: (r) => sheetName(r.sheet),
      width: '7rem',
    },
    {
      key: 'row',
      header: t('preview.row'),
      sortValue: (r) => r.row,
      align: 'end',
      width: '4.5rem',
      cell: (r) => (r.row > 0 ? <span className="num">{r.row}</span> : '—'),
    },
    { key: 'column', header: t('preview.column'), cell: (r) => r.column ?? '—', width: '9rem' },
    {
      key: 'value',
      header: t('preview.value'),
      width: '11rem',
      cell: (r) =>
        r.value === null ? (
          '—'
        ) : (
          <span className="mono issue-value" title={r.value}>
            {r.value}
          </span>
        ),
    },
    {
      key: 'reason',
      header: t('preview.reason'),
      sortValue: (r) => r.reason.code,
      cell: (r) => (
        <>
          <strong className="issue-reason">{issueHeadline(t, i18n, r)}</strong>
          <span className="issue-detail muted">{issueDetail(t, i18n, r)}</span>
        </>
      ),
    },
  ];

  return (
    <>
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.i}
        caption={caption}
        empty={<EmptyState compact title={emptyText} />}
      />
      {issues.length > ISSUES_SHOWN ? (
        <p className="muted issue-more">
          {t('preview.showingFirst', { shown: f.number(ISSUES_SHOWN), total: f.number(issues.length) })}
        </p>
      ) : null}
    </>
  );
}
