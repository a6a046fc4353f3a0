// Erasure on request (SPEC §10, DPDP Act 2023) cannot be undone, so the dialog names the person,
// says what goes and what stays (from `privacy.erasePreview`), and asks for a typed word before
// the button works. Cancel has the initial focus.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Modal } from '../../components/Modal.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate, useQuery } from '../../data/use-query.js';

interface EraseDialogProps {
  personId: number;
  name: string;
  onClose: () => void;
}

export function EraseDialog({ personId, name, onClose }: EraseDialogProps) {
  const { t } = useTranslation('members');
  const { t: tp } = useTranslation('privacy');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const preview = useQuery(() => call('privacy.erasePreview', { id: personId }), [personId]);
  const word = t('person.eraseWord');
  const ready = typed.trim().toUpperCase() === word.toUpperCase() && preview.data !== undefined;

  const erase = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('privacy.erase', { id: personId });
      toast({ message: r.scrub.vacuumed && r.scrub.walTruncated ? tp('erase.done') : tp('erase.notScrubbed') });
      invalidate();
      onClose();
    } catch (err) {
      setError(toErrorData(err));
      setBusy(false);
    }
  };

  const p = preview.data;
  return (
    <Modal
      title={tp('erase.title', { name })}
      onClose={onClose}
      role="alertdialog"
      size="small"
      busy={busy}
      error={error}
      onDismissError={() => setError(null)}
      initialFocus="[data-erase-cancel]"
      footer={
        <>
          <button type="button" className="btn" data-erase-cancel onClick={onClose} disabled={busy}>
            {tc('actions.cancel')}
          </button>
          <button type="button" className="btn btn--danger" onClick={erase} disabled={!ready || busy}>
            {busy ? tc('state.working') : t('person.eraseConfirm')}
          </button>
        </>
      }
    >
      <p>{tp('erase.intro')}</p>
      {preview.error ? <ErrorBanner error={preview.error} /> : null}
      {p ? (
        <dl className="erase-summary">
          <dt>{tp('erase.removed')}</dt>
          <dd>{tp('erase.removedList')}</dd>
          <dt>{tp('erase.kept')}</dt>
          <dd>
            <ul>
              <li>{tp('erase.keptList', { count: p.memberships, active: p.activeMemberships })}</li>
              <li>{tp('erase.keptAudit')}</li>
            </ul>
          </dd>
        </dl>
      ) : preview.loading ? (
        <p className="muted">{tp('erase.loading')}</p>
      ) : null}
      <p className="muted">{tp('erase.restoreNote')}</p>
      <p>
        <strong>{tp('erase.cannotUndo')}</strong>
      </p>
      <div className="field erase-check">
        <label className="field__label" htmlFor={inputId}>
          {t('person.eraseType')}
        </label>
        <input
          id={inputId}
          className="input"
          value={typed}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void erase();
            }
          }}
        />
      </div>
    </Modal>
  );
}
