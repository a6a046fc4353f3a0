// The clerk's name in the header (issue #10): every change is recorded in the audit log under
// it. Asked on the first-run form; a register without one (made before Samooh asked, or the
// field left empty) shows "Set your name" here; changed from here at any time.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../components/FormDialog.js';
import { TextField } from '../components/FormFields.js';
import { useFormState, type Errors } from '../components/form-state.js';
import { useToast } from '../components/Toast.js';
import { call } from '../data/call.js';
import { invalidate, useQuery } from '../data/use-query.js';

interface OperatorValues extends Record<string, string> {
  name: string;
}

function OperatorDialog({ initial, first, onClose }: { initial: string; first: boolean; onClose: () => void }) {
  const { t } = useTranslation('privacy');
  const toast = useToast();
  const form = useFormState<OperatorValues>({ name: initial }, (v) => {
    const e: Errors<OperatorValues> = {};
    const name = v.name.trim();
    if (!name) e.name = t('operator.required');
    else if (name.length > 80) e.name = t('operator.tooLong');
    return e;
  });
  const onSubmit = form.handleSubmit(async (v) => {
    const saved = await call('operator.set', { name: v.name });
    toast({ message: t('operator.saved', { name: saved.name }) });
    invalidate();
    onClose();
  });
  return (
    <FormDialog
      title={first ? t('operator.firstRunTitle') : t('operator.title')}
      form={form}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitLabel={t('operator.save')}
      size="small"
    >
      <p>{t('operator.intro')}</p>
      <TextField
        label={t('operator.name')}
        field={form.field('name')}
        required
        hint={t('operator.nameHint')}
        autoFocus
        maxLength={80}
        autoComplete="name"
      />
    </FormDialog>
  );
}

export function OperatorControl() {
  const { t } = useTranslation('privacy');
  const q = useQuery(() => call('operator.get', {}), []);
  const [open, setOpen] = useState<'first' | 'change' | null>(null);
  const name = q.data?.name ?? null;
  // Not a modal at start: the clerk may be mid-task. Until a name is set, the header asks for it.
  const unset = q.data !== undefined && name === null;
  return (
    <div className={unset ? 'operator-control is-unset' : 'operator-control'}>
      <span className="operator-control__label">{t('operator.label')}:</span>{' '}
      <span className="operator-control__name" data-testid="operator-name">
        {name ?? t('operator.none')}
      </span>
      <button
        type="button"
        className={unset ? 'btn btn--primary btn--small' : 'btn btn--ghost btn--small'}
        onClick={() => setOpen(unset ? 'first' : 'change')}
      >
        {unset ? t('operator.setNow') : t('operator.change')}
      </button>
      {open ? <OperatorDialog initial={name ?? ''} first={open === 'first'} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
