// Step 2: the file's columns, sheet by sheet, each matched to a register field (automatically
// from the alias table or a remembered choice), changeable with a list.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/use-format.js';
import {
  FIELDS,
  isRequired,
  mappingProblems,
  type ImportReport,
  type SheetMapping,
  type SheetName,
  type SheetReport,
  type WorkbookMapping,
} from './sheet-fields.js';

interface MappingStepProps {
  report: ImportReport;
  mapping: WorkbookMapping;
  onChange: (sheet: SheetName, header: string, field: string | null) => void;
  remember: boolean;
  onRemember: (v: boolean) => void;
}

/**
 * A header that reads as an identifier ("parent_code", "name_hi") rather than words: shown in
 * mono, and the only kind allowed to break inside itself (words break between words).
 */
const CODE_HEADER = /^[a-z0-9]+(?:[_.-][a-z0-9]+)*$/;

export function MappingStep({ report, mapping, onChange, remember, onRemember }: MappingStepProps) {
  const { t } = useTranslation('import');
  const { t: tl } = useTranslation('lists');
  return (
    <div className="import-step">
      {/* The first stop after choosing a file: straight to "Check rows" in two keys. */}
      <a
        href="#import-actions"
        className="btn btn--small import-skip"
        data-import-focus="mapping"
        onClick={(e) => {
          e.preventDefault();
          document.querySelector<HTMLElement>('#import-actions .btn--primary')?.focus();
        }}
      >
        {tl('importKeys.skipToActions')}
      </a>
      <p className="muted import-step__intro">{t('mapping.body')}</p>
      {report.sheets.length === 0 ? <p>{t('mapping.noSheets')}</p> : null}
      <div className="mapping-sheets">
        {report.sheets.map((s) => (
          <SheetMappingCard
            key={s.sheet}
            sheet={s}
            mapping={mapping[s.sheet] ?? {}}
            onChange={(header, field) => onChange(s.sheet, header, field)}
          />
        ))}
      </div>
      {report.ignored.length > 0 ? (
        <div className="banner banner--warn">
          <div className="banner__text">
            <strong>{t('mapping.ignoredHeading')}</strong>
            <ul className="import-list">
              {report.ignored.map((x) => (
                <li key={x.source}>
                  <span className="mono">{x.source}</span> — <span lang="en">{x.reason}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <label className="check-field">
        <input type="checkbox" checked={remember} onChange={(e) => onRemember(e.target.checked)} />
        {t('mapping.remember')}
      </label>
    </div>
  );
}

function SheetMappingCard({
  sheet,
  mapping,
  onChange,
}: {
  sheet: SheetReport;
  mapping: SheetMapping;
  onChange: (header: string, field: string | null) => void;
}) {
  const { t } = useTranslation('import');
  const f = useFormat();
  const problems = mappingProblems(sheet.sheet, mapping);
  const fieldLabel = (field: string) => t(`fields.${field}` as 'fields.code');
  // The field's name in full (never cut: the list is as wide as the card allows), "required"
  // where it is; the technical name (unit_code) only in the tooltip.
  const optionLabel = (field: string) =>
    `${fieldLabel(field)}${isRequired(sheet.sheet, field) ? ` · ${t('mapping.required')}` : ''}`;
  const sample = sheet.samples[0]?.values ?? {};
  const headingId = `mapping-${sheet.sheet}`;

  return (
    <section className="card mapping-card" aria-labelledby={headingId}>
      <div className="card__title">
        <h3 id={headingId}>
          {t('mapping.sheet', { sheet: sheet.source })} → {t(`sheets.${sheet.sheet}`)}
        </h3>
        <span className="muted">
          {t('mapping.rows', { count: sheet.counts.rows, formatted: f.number(sheet.counts.rows) })}
        </span>
      </div>
      <table className="table mapping-table">
        <thead>
          <tr>
            <th scope="col" className="mapping-table__letter">
              <span className="visually-hidden">#</span>
            </th>
            <th scope="col" className="mapping-table__header">
              {t('mapping.fileColumn')}
            </th>
            <th scope="col" className="mapping-table__field">
              {t('mapping.field')}
            </th>
            <th scope="col" className="mapping-table__sample">
              {t('mapping.sample')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sheet.columns.map((c) => {
            const chosen = mapping[c.header] ?? null;
            const id = `map-${sheet.sheet}-${c.column}`;
            const dup = chosen !== null && problems.duplicates.includes(chosen as never);
            const changed = chosen !== c.field;
            return (
              <tr key={c.column} className={chosen ? undefined : 'mapping-row--ignored'}>
                <td className="mono muted mapping-table__letter">{c.column}</td>
                <td>
                  <label
                    htmlFor={id}
                    className={`mapping-header${CODE_HEADER.test(c.header) ? ' mapping-header--code mono' : ''}`}
                  >
                    {c.header || '—'}
                  </label>
                  {changed || c.source !== 'none' ? (
                    <span className="mapping-source muted">
                      {changed ? t('mapping.manual') : t(`mapping.source.${c.source as 'alias'}`)}
                    </span>
                  ) : null}
                </td>
                <td>
                  <select
                    id={id}
                    className={`input select mapping-select${dup ? ' mapping-select--bad' : ''}`}
                    value={chosen ?? ''}
                    title={chosen ? `${optionLabel(chosen)} (${chosen})` : t('mapping.ignore')}
                    aria-invalid={dup || undefined}
                    onChange={(e) => onChange(c.header, e.target.value || null)}
                  >
                    <option value="">{t('mapping.ignore')}</option>
                    {FIELDS[sheet.sheet].map((field) => (
                      <option key={field} value={field}>
                        {optionLabel(field)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="mapping-sample">
                  {/* Only the file's value here; how the column was matched is said under its name. */}
                  {chosen && !changed && sample[chosen] != null ? (
                    <span className="mono mapping-sample__value" title={sample[chosen] ?? undefined}>
                      {sample[chosen]}
                    </span>
                  ) : (
                    <span className="muted" aria-hidden="true">
                      —
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.missing.length > 0 ? (
        <p className="mapping-problem mapping-problem--warn" role="status">
          {t('mapping.missingRequired', { fields: problems.missing.map(fieldLabel).join(', ') })}
        </p>
      ) : null}
      {problems.duplicates.map((d) => (
        <p key={d} className="mapping-problem" role="alert">
          {t('mapping.duplicateField', { field: fieldLabel(d) })}
        </p>
      ))}
    </section>
  );
}
