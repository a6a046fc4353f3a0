// The "Email to HQ" draft settings: recipients, subject and message templates.
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog.js';
import { TextAreaField, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';

export interface EmailSettingsValues extends Record<string, string> {
  to: string;
  subject: string;
  body: string;
}

// Deliberately plain: the backend checks addresses properly; this only catches typos early.
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function validRecipients(to: string): boolean {
  const parts = to
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => EMAIL.test(p));
}

interface Props {
  initial: EmailSettingsValues;
  onSubmit: (v: EmailSettingsValues) => Promise<void>;
  onCancel: () => void;
}

export function EmailSettingsDialog({ initial, onSubmit, onCancel }: Props) {
  const { t } = useTranslation(['send', 'common']);
  const form = useFormState<EmailSettingsValues>(initial, (v) => {
    const e: Errors<EmailSettingsValues> = {};
    if (!validRecipients(v.to)) e.to = t('email.errors.to');
    if (!v.subject.trim()) e.subject = t('email.errors.subject');
    return e;
  });
  const submit = form.handleSubmit((v) => onSubmit({ to: v.to.trim(), subject: v.subject.trim(), body: v.body }));
  return (
    <FormDialog title={t('email.title')} form={form} onSubmit={submit} onCancel={onCancel}>
      <TextField
        label={t('email.to')}
        field={form.field('to')}
        required
        hint={t('email.toHint')}
        autoFocus
        maxLength={1000}
      />
      <TextField label={t('email.subject')} field={form.field('subject')} required maxLength={300} />
      <TextAreaField
        label={t('email.body')}
        field={form.field('body')}
        hint={t('email.placeholders')}
        rows={9}
        maxLength={10_000}
      />
    </FormDialog>
  );
}
