// Edit a citizen's details (`people.update`). The mobile number identifies the person, so a
// number that already belongs to someone else comes back as a conflict beside the field.
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog.js';
import { DateField, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { useToast } from '../../components/Toast.js';
import { call, type Res } from '../../data/call.js';
import { invalidate } from '../../data/use-query.js';
import { formatDate, parseDateInput } from '../../format/dates.js';
import { dateError } from '../members/AddCitizenDialog.js';
import { CitizenFields } from '../members/CitizenFields.js';
import { cleanText, formatPhone, useServerMessages } from '../members/member-format.js';

export type Person = Res<'people.get'>['person'];

interface PersonFormValues extends Record<string, string> {
  name: string;
  phone: string;
  category: string;
  locality: string;
  occupation: string;
  consentOn: string;
  consentHow: string;
}

export function EditPersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation('members');
  const toast = useToast();
  const translate = useServerMessages();
  const form = useFormState<PersonFormValues>(
    {
      name: person.name,
      phone: formatPhone(person.phone),
      category: person.category,
      locality: person.locality ?? '',
      occupation: person.occupation ?? '',
      consentOn: formatDate(person.consentOn),
      consentHow: person.consentHow ?? '',
    },
    (v) => {
      const e: Errors<PersonFormValues> = {};
      if (!v.name.trim()) e.name = t('validation.required');
      if (!v.phone.trim()) e.phone = t('validation.required');
      e.consentOn = dateError(v.consentOn, t);
      return e;
    },
  );

  const onSubmit = form.handleSubmit(async (v) => {
    let saved: Person;
    try {
      saved = await call('people.update', {
        id: person.id,
        name: cleanText(v.name) ?? '',
        phone: v.phone.trim(),
        category: v.category === 'eminent' ? 'eminent' : 'public',
        locality: cleanText(v.locality),
        occupation: cleanText(v.occupation),
        consentOn: v.consentOn.trim() ? parseDateInput(v.consentOn) : null,
        consentHow: cleanText(v.consentHow),
      });
    } catch (err) {
      throw translate(err);
    }
    toast({ message: t('person.updated', { name: saved.name }) });
    invalidate();
    onClose();
  });

  return (
    <FormDialog title={t('person.editTitle')} form={form} onSubmit={onSubmit} onCancel={onClose}>
      <div className="form-grid">
        <CitizenFields field={form.field} nameAutoFocus />
        <DateField label={t('addCitizen.consentOn')} field={form.field('consentOn')} />
        <TextField
          className="field--wide"
          label={t('addCitizen.consentHow')}
          field={form.field('consentHow')}
          maxLength={200}
          placeholder={t('addCitizen.consentHowPlaceholder')}
        />
      </div>
    </FormDialog>
  );
}
