// The dialog that creates or edits a coded record of the register (a unit, a group): the form
// dialog with Create/Save, and the code first — typed once when the record is made, read-only
// afterwards, since imports and bundles refer to it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog, type FormDialogState } from '../../components/FormDialog.js';
import { TextField } from '../../components/FormFields.js';
import type { FieldBinding } from '../../components/form-state.js';

interface CodedRecordDialogProps {
  mode: 'create' | 'edit';
  title: string;
  form: FormDialogState;
  onSubmit: (e?: React.FormEvent) => void;
  onCancel: () => void;
  code: { label: string; hint: string; field: FieldBinding };
  /** The fields after the code, inside the form's grid. */
  children: ReactNode;
}

export function CodedRecordDialog({ mode, title, form, onSubmit, onCancel, code, children }: CodedRecordDialogProps) {
  const { t } = useTranslation('common');
  return (
    <FormDialog
      title={title}
      form={form}
      onSubmit={onSubmit}
      onCancel={onCancel}
      submitLabel={mode === 'create' ? t('actions.create') : t('actions.save')}
    >
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
    </FormDialog>
  );
}
