// The import wizard: choose file → match columns → check rows → import (progress, cancel) →
// result. Every step before "import" is a dry run (`import.preview`): nothing is written until
// the clerk presses Import, and then everything accepted is written in one transaction
// (`import.commit`, which also checks that the file is still the one previewed).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate } from '../../data/use-query.js';
import { useFormat } from '../../format/use-format.js';
import type { Progress } from '../../api/index.js';
import { MappingStep } from './MappingStep.js';
import { acceptedRows, PreviewStep } from './PreviewStep.js';
import { ResultStep } from './ResultStep.js';
import {
  changedSheets,
  hasBlockingProblems,
  mappingFromReport,
  type ImportReport,
  type SheetName,
  type WorkbookMapping,
} from './sheet-fields.js';

export const STEPS = ['choose', 'mapping', 'preview', 'commit', 'result'] as const;
export type Step = (typeof STEPS)[number];

function isImportReport(v: unknown): v is ImportReport {
  return !!v && typeof v === 'object' && Array.isArray((v as ImportReport).sheets) && !!(v as ImportReport).totals;
}

interface ImportWizardProps {
  /** Changes when the File menu asks to open a workbook: the wizard starts over and opens the picker. */
  chooseRequest?: number;
}

export function ImportWizard({ chooseRequest }: ImportWizardProps) {
  const { t } = useTranslation('import');
  const { t: tc } = useTranslation();
  const f = useFormat();
  const toast = useToast();
  const [step, setStep] = useState<Step>('choose');
  const [file, setFile] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mapping, setMapping] = useState<WorkbookMapping>({});
  // Sheets the clerk matched by hand: their mapping goes with every later call.
  const [handMapped, setHandMapped] = useState<SheetName[]>([]);
  const [remember, setRemember] = useState(true);
  const [strict, setStrict] = useState(false);
  const [busy, setBusy] = useState<null | 'reading' | 'checking'>(null);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [result, setResult] = useState<ImportReport | null>(null);
  const abort = useRef<AbortController | null>(null);

  const explicitMapping = (sheets: readonly SheetName[], m: WorkbookMapping): WorkbookMapping | undefined => {
    if (sheets.length === 0) return undefined;
    return Object.fromEntries(sheets.map((s) => [s, m[s] ?? {}]));
  };

  const reset = () => {
    setStep('choose');
    setFile(null);
    setReport(null);
    setMapping({});
    setHandMapped([]);
    setError(null);
    setNotice(null);
    setResult(null);
    setProgress(null);
  };

  const choose = useCallback(async () => {
    setError(null);
    setNotice(null);
    let path: string | null;
    try {
      path = (await call('dialog.openWorkbook', {})).path;
    } catch (err) {
      setError(toErrorData(err));
      return;
    }
    if (!path) return;
    setBusy('reading');
    try {
      const rep = await call('import.preview', { file: path, strict });
      setFile(path);
      setReport(rep);
      setMapping(mappingFromReport(rep));
      setHandMapped([]);
      setResult(null);
      setStep('mapping');
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(null);
    }
  }, [strict]);

  const lastRequest = useRef(chooseRequest);
  useEffect(() => {
    if (chooseRequest === undefined || chooseRequest === lastRequest.current) return;
    lastRequest.current = chooseRequest;
    if (step === 'commit') return; // never interrupt a running import
    reset();
    void choose();
  }, [chooseRequest, choose, step]);

  const onMappingChange = (sheet: SheetName, header: string, field: string | null) =>
    setMapping((m) => ({ ...m, [sheet]: { ...(m[sheet] ?? {}), [header]: field } }));

  const toPreview = async () => {
    if (!report || !file) return;
    setError(null);
    const changed = changedSheets(report, mapping);
    if (changed.length === 0) {
      setStep('preview');
      return;
    }
    const hand = [...new Set([...handMapped, ...changed])];
    setBusy('checking');
    try {
      if (remember) {
        for (const s of changed) {
          const sheet = report.sheets.find((x) => x.sheet === s)!;
          await call('import.mappings.set', {
            sheet: s,
            headers: sheet.columns.map((c) => c.header),
            mapping: mapping[s] ?? {},
          });
        }
      }
      const rep = await call('import.preview', { file, mapping: explicitMapping(hand, mapping), strict });
      setHandMapped(hand);
      setReport(rep);
      setStep('preview');
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!report || !file) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setError(null);
    setNotice(null);
    setProgress(null);
    setCancelling(false);
    setStep('commit');
    try {
      const res = await call(
        'import.commit',
        { file, mapping: explicitMapping(handMapped, mapping), strict, sha256: report.sha256 },
        { signal: ctrl.signal, onProgress: setProgress },
      );
      setResult(res);
      setStep('result');
      invalidate();
      toast({ message: t('result.heading') });
    } catch (err) {
      const data = toErrorData(err);
      if (data.code === 'CANCELLED') {
        setNotice(t('commit.cancelled'));
      } else {
        setError(data);
        // Strict mode refused the file: its details are the up-to-date preview.
        if (data.code === 'IMPORT_REJECTED' && isImportReport(data.details)) setReport(data.details);
      }
      setStep('preview');
    } finally {
      abort.current = null;
      setCancelling(false);
    }
  };

  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  // Focus follows the work (issue #11): after choosing a file, the skip link to "Check rows";
  // after checking, the Import button (or the step's heading when nothing can be imported);
  // after a failed or cancelled import, the message that says why; at the end, the result.
  const wizard = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = wizard.current;
    if (!root) return;
    let target: HTMLElement | null = null;
    if (error || notice) target = root.querySelector<HTMLElement>('.banner');
    else if (step === 'mapping') target = root.querySelector<HTMLElement>('[data-import-focus="mapping"]');
    else if (step === 'preview') {
      const go = root.querySelector<HTMLButtonElement>('#import-actions .btn--primary');
      target = go && !go.disabled ? go : root.querySelector<HTMLElement>('#import-step-heading');
    } else if (step === 'result' || step === 'commit') target = root.querySelector<HTMLElement>('#import-step-heading');
    if (target) {
      if (!target.matches('a, button, input, select, textarea')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
  }, [step, error, notice]);

  const accepted = report ? acceptedRows(report) : 0;
  const blocked = report ? hasBlockingProblems(report, mapping) : true;
  const strictBlocked = !!report && strict && report.totals.rejected > 0;
  const stepIndex = STEPS.indexOf(step);
  const phase = progress?.phase;
  const phaseText =
    phase === 'read' || phase === 'validate' || phase === 'write' || phase === 'done'
      ? t(`commit.phase.${phase}`)
      : undefined;

  return (
    <div className="import-wizard" ref={wizard}>
      <ol className="wizard-steps" aria-label={t('steps.label')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={`wizard-steps__item${i === stepIndex ? ' is-current' : ''}${i < stepIndex ? ' is-done' : ''}`}
            aria-current={i === stepIndex ? 'step' : undefined}
          >
            <span className="wizard-steps__num" aria-hidden="true">
              {i < stepIndex ? '✓' : i + 1}
            </span>
            <span className="wizard-steps__label">{t(`steps.${s}`)}</span>
            {i < stepIndex ? <span className="visually-hidden"> ({t('steps.done')})</span> : null}
          </li>
        ))}
      </ol>

      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
      {notice ? (
        <div className="banner banner--info" role="status">
          <div className="banner__text">{notice}</div>
          <div className="banner__actions">
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setNotice(null)}>
              {tc('actions.dismiss')}
            </button>
          </div>
        </div>
      ) : null}

      {file && step !== 'choose' ? (
        <p className="import-file">
          <span className="muted">{t('choose.chosen')}:</span> <span className="mono">{file}</span>
        </p>
      ) : null}

      <section className="card import-card" aria-labelledby="import-step-heading">
        <h2 id="import-step-heading" className="import-card__heading">
          {step === 'choose'
            ? t('choose.heading')
            : step === 'mapping'
              ? t('mapping.heading')
              : step === 'preview'
                ? t('preview.heading')
                : step === 'commit'
                  ? t('commit.heading')
                  : t('result.heading')}
        </h2>

        {step === 'choose' ? (
          <div className="import-step">
            <p className="muted import-step__intro">{t('choose.body')}</p>
            {busy === 'reading' ? (
              <ProgressBar label={t('choose.reading')} done={0} total={0} />
            ) : (
              <button type="button" className="btn btn--primary" onClick={() => void choose()} data-autofocus>
                {t('choose.button')}
              </button>
            )}
          </div>
        ) : null}

        {step === 'mapping' && report ? (
          <>
            <MappingStep
              report={report}
              mapping={mapping}
              onChange={onMappingChange}
              remember={remember}
              onRemember={setRemember}
            />
            <div className="form-actions import-actions" id="import-actions">
              <button type="button" className="btn" onClick={() => void choose()} disabled={!!busy}>
                {t('choose.change')}
              </button>
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => void toPreview()}
                disabled={!!busy || blocked || report.sheets.length === 0}
              >
                {busy === 'checking' ? t('preview.checking') : t('mapping.next')}
              </button>
            </div>
          </>
        ) : null}

        {step === 'preview' && report ? (
          <>
            <PreviewStep report={report} strict={strict} onStrict={setStrict} />
            <div className="form-actions import-actions" id="import-actions">
              <button type="button" className="btn" onClick={() => setStep('mapping')}>
                {t('preview.back')}
              </button>
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => void commit()}
                disabled={accepted === 0 || strictBlocked}
              >
                {t('preview.commit', { count: accepted, formatted: f.number(accepted) })}
              </button>
            </div>
          </>
        ) : null}

        {step === 'commit' ? (
          <div className="import-step">
            <p className="muted import-step__intro">{t('commit.body')}</p>
            <ProgressBar
              label={t('commit.label')}
              done={progress?.done ?? 0}
              total={progress?.total ?? 0}
              detail={phaseText}
              onCancel={cancel}
              cancelling={cancelling}
            />
          </div>
        ) : null}

        {step === 'result' && result ? <ResultStep report={result} onAnother={reset} /> : null}
      </section>
    </div>
  );
}
