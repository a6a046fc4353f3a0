// Add a staff member to a group (`members.addStaff`): from the members list (type the service
// number) or from the roster / a staff page (the service number is given).
import { useFormat } from '../../format/use-format.js';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { FormDialog } from '../../components/FormDialog.js';
import { DateField, SelectField, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { useToast } from '../../components/Toast.js';
import { useRuleConfirm } from '../../components/rule-confirm.js';
import { call } from '../../data/call.js';
import { invalidate } from '../../data/use-query.js';
import { parseDateInput } from '../../format/dates.js';
import { dateError } from './AddCitizenDialog.js';
import { groupOptions, useGroups } from './group-options.js';
import { useServerMessages } from './member-format.js';

interface StaffFormValues extends Record<string, string> {
  serviceNo: string;
  groupCode: string;
  joinedOn: string;
}

interface AddStaffDialogProps {
  onClose: () => void;
  serviceNo?: string;
  /** Shown in the title when adding a known staff member. */
  staffName?: string;
  groupCode?: string;
}

export function AddStaffDialog({ onClose, serviceNo, staffName, groupCode }: AddStaffDialogProps) {
  const { t } = useTranslation('members');
  const toast = useToast();
  const groups = useGroups();
  const f = useFormat();
  const translate = useServerMessages();
  const withRuleConfirm = useRuleConfirm();
  const form = useFormState<StaffFormValues>(
    { serviceNo: serviceNo ?? '', groupCode: groupCode ?? '', joinedOn: '' },
    (v) => {
      const e: Errors<StaffFormValues> = {};
      if (!v.serviceNo.trim()) e.serviceNo = t('validation.required');
      if (!v.groupCode) e.groupCode = t('validation.required');
      e.joinedOn = dateError(v.joinedOn, t);
      return e;
    },
  );

  const onSubmit = form.handleSubmit(async (v) => {
    let result;
    try {
      // A man in the women's group: the clerk confirms the rule (R4) it breaks first.
      result = await withRuleConfirm((confirmRule) =>
        call('members.addStaff', {
          groupCode: v.groupCode,
          serviceNo: v.serviceNo.trim(),
          joinedOn: v.joinedOn.trim() ? parseDateInput(v.joinedOn) : null,
          ...(confirmRule ? { confirmRule } : {}),
        }),
      );
    } catch (err) {
      throw translate(err);
    }
    if (!result) return;
    const group = groups.data?.find((g) => g.code === v.groupCode)?.name ?? v.groupCode;
    toast({ message: t('addStaff.added', { serviceNo: staffName ?? v.serviceNo.trim(), group }) });
    invalidate();
    onClose();
  });

  const title = staffName ? `${t('addStaff.title')} — ${staffName}` : t('addStaff.title');

  return (
    <FormDialog
      title={title}
      form={form}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitLabel={t('addStaff.submit')}
      size="small"
      notices={groups.error ? <ErrorBanner error={groups.error} onRetry={groups.reload} /> : null}
    >
      <TextField
        label={t('addStaff.serviceNo')}
        field={form.field('serviceNo')}
        required
        maxLength={64}
        hint={t('addStaff.serviceNoHint')}
        readOnly={!!serviceNo}
        autoFocus={!serviceNo}
      />
      <SelectField
        label={t('addStaff.group')}
        field={form.field('groupCode')}
        options={groupOptions(groups.data, 'staff', f.lang)}
        placeholder={t('addCitizen.chooseGroup')}
        required
        autoFocus={!!serviceNo}
      />
      <DateField label={t('addStaff.joinedOn')} field={form.field('joinedOn')} hint={t('addCitizen.joinedHint')} />
    </FormDialog>
  );
}
