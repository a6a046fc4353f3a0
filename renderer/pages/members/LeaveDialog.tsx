// Mark a membership as left (`members.leave`): a confirmation with the leaving date, today by
// default. Leaving ends the membership; the history keeps it (SPEC §3).
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DateField, Form } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { useUndoableToast } from '../../components/use-undoable.js';
import { call } from '../../data/call.js';
import { invalidate } from '../../data/use-query.js';
import { formatDate, parseDateInput, todayIso } from '../../format/dates.js';
import { dateError } from './AddCitizenDialog.js';
import { useServerMessages } from './member-format.js';

export interface LeavingMember {
  membershipId: number;
  name: string;
  groupName: string;
  joinedOn: string | null;
}

interface LeaveDialogProps {
  member: LeavingMember;
  onClose: () => void;
  onDone?: () => void;
}

export function LeaveDialog({ member, onClose, onDone }: LeaveDialogProps) {
  const { t } = useTranslation('members');
  const undoable = useUndoableToast();
  const translate = useServerMessages();
  const form = useFormState<{ leftOn: string }>({ leftOn: formatDate(todayIso()) }, (v) => {
    const e: Errors<{ leftOn: string }> = {};
    if (!v.leftOn.trim()) e.leftOn = t('validation.required');
    else e.leftOn = dateError(v.leftOn, t);
    return e;
  });

  const submit = form.handleSubmit(async (v) => {
    try {
      await call('members.leave', { membershipId: member.membershipId, leftOn: parseDateInput(v.leftOn) });
    } catch (err) {
      throw translate(err);
    }
    // Undo: the same membership active again (members.undoLeave), audited.
    undoable(t('leave.done', { name: member.name, group: member.groupName }), () =>
      call('members.undoLeave', { membershipId: member.membershipId }),
    );
    invalidate();
    onDone?.();
    onClose();
  });

  return (
    <ConfirmDialog
      title={t('leave.title')}
      destructive
      busy={form.busy}
      error={form.formError}
      onDismissError={form.clearFormError}
      confirmLabel={t('leave.confirm')}
      onConfirm={() => void submit()}
      onCancel={onClose}
      body={
        <>
          <p>{t('leave.body', { name: member.name, group: member.groupName })}</p>
          <Form onSubmit={submit} formRef={form.formRef} aria-label={t('leave.title')}>
            <DateField label={t('leave.leftOn')} field={form.field('leftOn')} required />
          </Form>
        </>
      }
    />
  );
}
