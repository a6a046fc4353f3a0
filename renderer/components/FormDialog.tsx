// A form in a modal dialog: the shell every create/edit dialog shares. Cancel and Save sit in
// the footer (Save submits the form by its id; a hidden submit button inside keeps Enter
// submitting from any field), the backend's refusal shows as a banner above the fields, and
// the Modal gives the focus trap, Esc to close and focus back to where it was.
//
// Focus: a field error takes focus to the first invalid field (useFormState); a refusal that
// names no field takes it to the banner (the Modal's `error`), so the clerk hears it and is not
// left on a button that was disabled while saving.
import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../data/errors.js';
import { Form, SubmitOnEnter } from './FormFields.js';
import { Modal } from './Modal.js';

/** What the dialog needs from `useFormState`. */
export interface FormDialogState {
  busy: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  formError: ApiErrorData | null;
  clearFormError: () => void;
}

interface FormDialogProps {
  /** The dialog's heading, also the form's accessible name. */
  title: string;
  form: FormDialogState;
  /** `form.handleSubmit(…)`. */
  onSubmit: (e?: FormEvent) => void;
  /** Cancel, Esc: closes without saving. */
  onCancel: () => void;
  /** The primary button; "Save" when not given. */
  submitLabel?: string;
  size?: 'small' | 'medium' | 'large';
  /** Banners after the form's own error, e.g. a list the fields need that failed to load. */
  notices?: ReactNode;
  className?: string;
  /** The fields. */
  children: ReactNode;
}

export function FormDialog({
  title,
  form,
  onSubmit,
  onCancel,
  submitLabel,
  size = 'medium',
  notices,
  className,
  children,
}: FormDialogProps) {
  const { t } = useTranslation('common');
  const formId = useId();

  return (
    <Modal
      title={title}
      onClose={onCancel}
      size={size}
      busy={form.busy}
      error={form.formError}
      onDismissError={form.clearFormError}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} disabled={form.busy}>
            {t('actions.cancel')}
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={form.busy}>
            {form.busy ? t('actions.saving') : (submitLabel ?? t('actions.save'))}
          </button>
        </>
      }
    >
      {notices}
      <Form id={formId} onSubmit={onSubmit} formRef={form.formRef} aria-label={title} className={className}>
        {children}
        <SubmitOnEnter />
      </Form>
    </Modal>
  );
}
