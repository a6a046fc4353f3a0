// Erasure on request (SPEC §10) cannot be undone, so it asks for more than a click: the clerk
// types a word before the button works. Cancel has the initial focus.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Modal } from '../../components/Modal.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../data/errors.js';
import { invalidate } from '../../data/use-query.js';

interface EraseDialogProps {
  personId: number;
  name: string;
  onClose: () => void;
}

export function EraseDialog({ personId, name, onClose }: EraseDialogProps) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const toast = useToast();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorData | null>(null);
  const word = t('person.eraseWord');
  const ready = typed.trim().toUpperCase() === word.toUpperCase();

  const erase = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('people.erase', { id: personId });
      toast({ message: t('person.erased') });
      invalidate();
      onClose();
    } catch (err) {
      setError(toErrorData(err));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('person.eraseTitle')}
      onClose={onClose}
      role="alertdialog"
      size="small"
      busy={busy}
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
      <p>{t('person.eraseBody', { name })}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(null)} /> : null}
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
