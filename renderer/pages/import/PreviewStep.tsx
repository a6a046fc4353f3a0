// Step 3: what the import would do, before anything is written — counts per sheet (new,
// updated, unchanged, duplicate, rejected), the rejected rows with reasons, rows for review,
// and the strict-mode switch.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.js';
import { IssuesTable } from './IssuesTable.js';
import type { ImportReport } from './sheet-fields.js';

type Counts = ImportReport['totals'];

export function CountsTable({ report, caption }: { report: ImportReport; caption: string }) {
  const { t } = useTranslation('import');
  const f = useFormat();
  const cells = (c: Counts) => (
    <>
      <td className="align-end">{f.number(c.rows)}</td>
      <td className="align-end">{f.number(c.new)}</td>
      <td className="align-end">{f.number(c.updated)}</td>
      <td className="align-end">{f.number(c.unchanged)}</td>
      <td className="align-end">{f.number(c.duplicate)}</td>
      <td className={`align-end${c.rejected > 0 ? ' import-rejected' : ''}`}>{f.number(c.rejected)}</td>
    </>
  );
  return (
    <div className="table-wrap">
      <table className="table counts-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.sheet')}</th>
            <th scope="col" className="align-end">
              {t('preview.rows')}
            </th>
            <th scope="col" className="align-end">
              {t('preview.new')}
            </th>
            <th scope="col" className="align-end">
              {t('preview.updated')}
            </th>
            <th scope="col" className="align-end">
              {t('preview.unchanged')}
            </th>
            <th scope="col" className="align-end">
              {t('preview.duplicate')}
            </th>
            <th scope="col" className="align-end">
              {t('preview.rejected')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.sheets.map((s) => (
            <tr key={s.sheet}>
              <th scope="row">
                {t(`sheets.${s.sheet}`)} <span className="muted">“{s.source}”</span>
              </th>
              {cells(s.counts)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="counts-table__total">
            <th scope="row">{t('preview.total')}</th>
            {cells(report.totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Rows the import would write (or wrote): everything read that was not rejected. */
export function acceptedRows(report: ImportReport): number {
  return Math.max(0, report.totals.rows - report.totals.rejected);
}

interface PreviewStepProps {
  report: ImportReport;
  strict: boolean;
  onStrict: (v: boolean) => void;
}

export function PreviewStep({ report, strict, onStrict }: PreviewStepProps) {
  const { t } = useTranslation('import');
  const f = useFormat();
  const rejected = report.totals.rejected;
  return (
    <div className="import-step">
      <p className="muted import-step__intro">{t('preview.body')}</p>
      <CountsTable report={report} caption={t('preview.heading')} />
      <label className="check-field import-strict">
        <input type="checkbox" checked={strict} onChange={(e) => onStrict(e.target.checked)} />
        {t('preview.strict')}
      </label>
      {strict && rejected > 0 ? (
        <div className="banner banner--warn" role="status">
          <div className="banner__text">
            {t('preview.strictBlocked', { count: rejected, formatted: f.number(rejected) })}
          </div>
        </div>
      ) : null}
      {rejected === 0 ? (
        <div className="banner banner--info" role="status">
          <div className="banner__text">{t('preview.allGood')}</div>
        </div>
      ) : null}

      <section className="section" aria-labelledby="import-rejected">
        <h3 id="import-rejected" className="import-subheading">
          {t('preview.rejectedHeading')}{' '}
          <span className="muted">
            ({t('preview.rejectedCount', { count: rejected, formatted: f.number(rejected) })})
          </span>
        </h3>
        <IssuesTable
          issues={report.rejected}
          caption={t('preview.rejectedHeading')}
          emptyText={t('preview.noRejected')}
        />
      </section>

      {report.review.length > 0 ? (
        <section className="section" aria-labelledby="import-review">
          <h3 id="import-review" className="import-subheading">
            {t('preview.notesHeading')} <span className="muted">({f.number(report.review.length)})</span>
          </h3>
          <IssuesTable issues={report.review} caption={t('preview.notesHeading')} emptyText="" />
        </section>
      ) : null}
    </div>
  );
}
