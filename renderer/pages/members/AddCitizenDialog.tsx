// Add a citizen to a group (`members.addCitizen`). The backend owns the phone rules (Indian
// mobile, libphonenumber metadata): its message appears beside the mobile field, in the clerk's
// language for the known reasons. The form checks only what it can know alone: required
// fields and dates.
import { useFormat } from '../../format/use-format.js';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { FormDialog } from '../../components/FormDialog.js';
import { DateField, SelectField, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { useToast } from '../../components/Toast.js';
import { useRuleConfirm } from '../../components/rule-confirm.js';
import { call, type Args, type Res } from '../../data/call.js';
import { invalidate } from '../../data/use-query.js';
import { formatDate, parseDateInput, todayIso } from '../../format/dates.js';
import { CitizenFields } from './CitizenFields.js';
import { groupOptions, useGroups } from './group-options.js';
import { cleanText, formatPhone, useServerMessages } from './member-format.js';

export interface CitizenFormValues extends Record<string, string> {
  groupCode: string;
  name: string;
  phone: string;
  category: string;
  locality: string;
  occupation: string;
  joinedOn: string;
  consentOn: string;
  consentHow: string;
}

/** A known citizen being added to one more group: name and mobile are fixed. */
export interface KnownCitizen {
  name: string;
  phone: string;
  category: 'eminent' | 'public';
  locality: string | null;
  occupation: string | null;
  consentOn: string | null;
  consentHow: string | null;
}

interface AddCitizenDialogProps {
  onClose: () => void;
  onAdded?: (result: Res<'members.addCitizen'>) => void;
  groupCode?: string;
  person?: KnownCitizen;
}

/** Date rules shared by the member forms: empty is allowed, otherwise a real day, not ahead of today. */
export function dateError(
  text: string,
  t: (k: 'validation.date' | 'validation.future') => string,
  today = todayIso(),
): string | undefined {
  if (!text.trim()) return undefined;
  const iso = parseDateInput(text);
  if (!iso) return t('validation.date');
  if (iso > today) return t('validation.future');
  return undefined;
}

/** What the form sends: trimmed text, blanks as null, dates as ISO yyyy-mm-dd. */
export function citizenArgs(v: CitizenFormValues): Args<'members.addCitizen'> {
  return {
    groupCode: v.groupCode,
    name: cleanText(v.name) ?? '',
    phone: v.phone.trim(),
    category: v.category === 'eminent' ? 'eminent' : 'public',
    locality: cleanText(v.locality),
    occupation: cleanText(v.occupation),
    joinedOn: v.joinedOn.trim() ? parseDateInput(v.joinedOn) : null,
    consentOn: v.consentOn.trim() ? parseDateInput(v.consentOn) : null,
    consentHow: cleanText(v.consentHow),
  };
}

export function AddCitizenDialog({ onClose, onAdded, groupCode, person }: AddCitizenDialogProps) {
  const { t } = useTranslation('members');
  const toast = useToast();
  const groups = useGroups();
  const f = useFormat();
  const translate = useServerMessages();
  const withRuleConfirm = useRuleConfirm();

  const form = useFormState<CitizenFormValues>(
    {
      groupCode: groupCode ?? '',
      name: person?.name ?? '',
      phone: person ? formatPhone(person.phone) : '',
      category: person?.category ?? 'public',
      locality: person?.locality ?? '',
      occupation: person?.occupation ?? '',
      joinedOn: '',
      consentOn: person?.consentOn ? formatDate(person.consentOn) : '',
      consentHow: person?.consentHow ?? '',
    },
    (v) => {
      const e: Errors<CitizenFormValues> = {};
      if (!v.groupCode) e.groupCode = t('validation.required');
      if (!v.name.trim()) e.name = t('validation.required');
      if (!v.phone.trim()) e.phone = t('validation.required');
      e.joinedOn = dateError(v.joinedOn, t);
      e.consentOn = dateError(v.consentOn, t);
      const joined = parseDateInput(v.joinedOn) ?? todayIso();
      const consent = parseDateInput(v.consentOn);
      if (!e.consentOn && consent && consent > joined) e.consentOn = t('validation.consentBeforeJoin');
      return e;
    },
  );

  const onSubmit = form.handleSubmit(async (v) => {
    let result: Res<'members.addCitizen'> | null;
    try {
      // A citizen in a staff or women's group: the clerk confirms the rule it breaks first.
      result = await withRuleConfirm((confirmRule) =>
        call('members.addCitizen', { ...citizenArgs(v), ...(confirmRule ? { confirmRule } : {}) }),
      );
    } catch (err) {
      throw translate(err);
    }
    if (!result) return;
    const group = groups.data?.find((g) => g.code === v.groupCode)?.name ?? v.groupCode;
    toast({ message: t('addCitizen.added', { name: cleanText(v.name) ?? '', group }) });
    if (result.nameConflict) {
      toast({ tone: 'info', message: t('addCitizen.nameConflict', { registered: result.nameConflict.registered }) });
    }
    invalidate();
    onAdded?.(result);
    onClose();
  });

  return (
    <FormDialog
      title={t('addCitizen.title')}
      form={form}
      onSubmit={onSubmit}
      onCancel={onClose}
      submitLabel={t('addCitizen.submit')}
      notices={groups.error ? <ErrorBanner error={groups.error} onRetry={groups.reload} /> : null}
      className="member-form"
    >
      <div className="form-grid">
        <SelectField
          className="field--wide"
          label={t('addCitizen.group')}
          field={form.field('groupCode')}
          options={groupOptions(groups.data, 'citizen', f.lang)}
          placeholder={t('addCitizen.chooseGroup')}
          required
          autoFocus={!groupCode}
        />
        <CitizenFields field={form.field} identityFixed={!!person} nameAutoFocus={!!groupCode && !person} />
        <DateField label={t('addCitizen.joinedOn')} field={form.field('joinedOn')} hint={t('addCitizen.joinedHint')} />
        <fieldset className="field--wide member-form__fieldset">
          <legend className="member-form__legend">{t('addCitizen.consentSection')}</legend>
          <div className="form-grid">
            <DateField label={t('addCitizen.consentOn')} field={form.field('consentOn')} />
            <TextField
              label={t('addCitizen.consentHow')}
              field={form.field('consentHow')}
              maxLength={200}
              placeholder={t('addCitizen.consentHowPlaceholder')}
            />
          </div>
        </fieldset>
      </div>
    </FormDialog>
  );
}
