// Print and export for a list on screen (issue #11). The page hands over the list exactly as it
// shows it (filtered, in its order) as a `ListSheet`; "Print" lays it out for A4 in a print-only
// view (the district, the list and the date repeat at the top of every page, the page number at
// the bottom, Hindi shaped by the bundled font) and opens the print dialog; "Export CSV" and
// "Export Excel" ask where to save (`dialog.saveFile`) and let the backend write the same rows
// (`lists.export`, formula-safe).
import { useContext, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { AppStatusContext } from '../app-status.js';
import { call } from '../data/call.js';
import { toErrorData, type ApiErrorData } from '../data/errors.js';
import { formatDateTime, todayIso } from '../format/dates.js';
import { localName } from '../format/names.js';
import { useFormat } from '../format/use-format.js';
import '../styles/lists.css';
import { ErrorBanner } from './ErrorBanner.js';
import { useToast } from './Toast.js';

export type ListCell = string | number | null;

export interface ListColumn {
  header: string;
  /** `number` right-aligns and stays a number in Excel; `phone` stays text in Excel. */
  kind?: 'text' | 'number' | 'phone';
}

export interface ListSheet {
  title: string;
  /** What the filters were, in words (printed and put in the workbook's About sheet). */
  filters?: string;
  /** A line printed under the title (e.g. a unit's compliance). */
  note?: string;
  columns: ListColumn[];
  rows: ListCell[][];
}

interface ListOutputProps {
  /** The file name's start, e.g. `units-short` (the date and extension are added). */
  fileName: string;
  /** The list as shown; may fetch (a paged list loads every page of the filtered rows). */
  load: () => ListSheet | Promise<ListSheet>;
  /** Set when the list is too long to hand over this way: the buttons explain instead. */
  tooMany?: number | null;
}

/** Characters a file name on Windows cannot hold. */
// eslint-disable-next-line no-control-regex -- control characters are among them
const safeName = (s: string) => s.replace(/[<>:"/\\|?*\u0000-\u001f]+/g, '-').slice(0, 120);

export function ListOutput({ fileName, load, tooMany }: ListOutputProps) {
  const { t } = useTranslation('lists');
  const f = useFormat();
  const toast = useToast();
  // Outside the app (component tests) there is no open register to name.
  const d = useContext(AppStatusContext)?.status.district;
  const district = d ? `${localName(d, f.lang)} (${d.code})` : '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [printing, setPrinting] = useState<{ sheet: ListSheet; at: string } | null>(null);

  useEffect(() => {
    if (!printing) return;
    document.body.classList.add('is-printing');
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done);
    window.print();
    return () => {
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('is-printing');
    };
  }, [printing]);

  const withSheet = async (use: (sheet: ListSheet) => Promise<void> | void) => {
    setError(null);
    setBusy(true);
    try {
      await use(await load());
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (kind: 'csv' | 'xlsx') =>
    withSheet(async (sheet) => {
      const target = await call('dialog.saveFile', {
        defaultName: `${safeName(fileName)}-${todayIso()}.${kind}`,
        kind,
      });
      if (!target.path) return;
      const file = /\.(csv|xlsx)$/i.test(target.path) ? target.path : `${target.path}.${kind}`;
      const res = await call('lists.export', {
        file,
        title: sheet.title,
        district,
        filters: [sheet.filters, sheet.note].filter(Boolean).join(' · '),
        columns: sheet.columns.map((c) => ({ header: c.header, kind: c.kind ?? 'text' })),
        rows: sheet.rows,
      });
      toast({ message: t('exported', { count: res.rows, formatted: f.number(res.rows), file: res.file }) });
    });

  const disabled = busy || Boolean(tooMany);
  return (
    <div className="list-output" role="group" aria-label={t('outputLabel')}>
      <button
        type="button"
        className="btn btn--small"
        disabled={disabled}
        onClick={() => void withSheet((sheet) => setPrinting({ sheet, at: formatDateTime(new Date()) }))}
      >
        {t('print')}
      </button>
      <button type="button" className="btn btn--small" disabled={disabled} onClick={() => void exportAs('csv')}>
        {t('exportCsv')}
      </button>
      <button type="button" className="btn btn--small" disabled={disabled} onClick={() => void exportAs('xlsx')}>
        {t('exportXlsx')}
      </button>
      {busy ? (
        <span className="muted" role="status">
          {t('preparing')}
        </span>
      ) : null}
      {tooMany ? <p className="muted list-output__note">{t('tooMany', { formatted: f.number(tooMany) })}</p> : null}
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {printing
        ? createPortal(<PrintView sheet={printing.sheet} district={district} at={printing.at} />, document.body)
        : null}
    </div>
  );
}

/** The list as printed: a table whose head (district, list, date; column names) repeats per page. */
export function PrintView({ sheet, district, at }: { sheet: ListSheet; district: string; at: string }) {
  const { t } = useTranslation('lists');
  const f = useFormat();
  const n = sheet.columns.length;
  return (
    <div className="print-view" lang={f.lang} data-testid="print-view">
      <h1 className="print-view__title">{sheet.title}</h1>
      <p className="print-view__meta">
        {district ? `${t('district')}: ${district} · ` : ''}
        {t('printedOn', { when: at })} ·{' '}
        {t('rows', { count: sheet.rows.length, formatted: f.number(sheet.rows.length) })}
        {' · '}
        {t('filters', { filters: sheet.filters || t('noFilters') })}
      </p>
      {sheet.note ? <p className="print-view__meta">{sheet.note}</p> : null}
      <table className="print-table">
        <thead>
          <tr className="print-table__running">
            <th colSpan={n}>
              <span>{district}</span>
              <span>{sheet.title}</span>
              <span>{at}</span>
            </th>
          </tr>
          <tr>
            {sheet.columns.map((c, i) => (
              <th key={i} className={c.kind === 'number' ? 'align-end' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) => (
                <td key={j} className={sheet.columns[j]?.kind === 'number' ? 'align-end' : undefined}>
                  {typeof v === 'number' ? f.number(v) : (v ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
