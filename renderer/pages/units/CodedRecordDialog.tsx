// The dialog that creates or edits a coded record of the register (a unit, a group): Cancel and
// Create/Save in the footer, the backend's refusal as a banner, and the code first — typed once
// when the record is made, read-only afterwards, since imports and bundles refer to it.
import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { Form, SubmitOnEnter, TextField } from '../../components/FormFields.js';
import type { FieldBinding } from '../../components/form-state.js';
import { Modal } from '../../components/Modal.js';
import type { ApiErrorData } from '../../data/errors.js';

interface CodedRecordDialogProps {
  mode: 'create' | 'edit';
  title: string;
  form: {
    busy: boolean;
    formRef: RefObject<HTMLFormElement | null>;
    formError: ApiErrorData | null;
    clearFormError: () => void;
  };
  onSubmit: (e?: React.FormEvent) => void;
  onCancel: () => void;
  code: { label: string; hint: string; field: FieldBinding };
  /** The fields after the code, inside the form's grid. */
  children: ReactNode;
}

export function CodedRecordDialog({ mode, title, form, onSubmit, onCancel, code, children }: CodedRecordDialogProps) {
  const { t } = useTranslation('common');
  const formId = useId();
  return (
    <Modal
      title={title}
      onClose={onCancel}
      busy={form.busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} disabled={form.busy}>
            {t('actions.cancel')}
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={form.busy}>
            {form.busy ? t('actions.saving') : mode === 'create' ? t('actions.create') : t('actions.save')}
          </button>
        </>
      }
    >
      {form.formError ? <ErrorBanner error={form.formError} onDismiss={form.clearFormError} /> : null}
      <Form id={formId} onSubmit={onSubmit} formRef={form.formRef} aria-label={title}>
        <div className="form-grid">
          <TextField
            label={code.label}
            field={code.field}
            required
            hint={mode === 'create' ? code.hint : undefined}
            readOnly={mode === 'edit'}
            autoFocus={mode === 'create'}
            maxLength={64}
          />
          {children}
        </div>
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
