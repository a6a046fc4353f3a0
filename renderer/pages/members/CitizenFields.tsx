// The citizen's own details, as both the add-to-group and the edit-person forms ask for them.
// The consent and joining dates stay with each form: they sit differently in each.
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormFields.js';
import type { FieldBinding } from '../../components/form-state.js';

export type CitizenField = 'name' | 'phone' | 'category' | 'locality' | 'occupation';

interface CitizenFieldsProps {
  field: (name: CitizenField) => FieldBinding;
  /** A known person joining one more group: name and mobile identify them, so they stay as they are. */
  identityFixed?: boolean;
  nameAutoFocus?: boolean;
}

export function CitizenFields({ field, identityFixed, nameAutoFocus }: CitizenFieldsProps) {
  const { t } = useTranslation('members');
  const { t: tc } = useTranslation();
  const categories = [
    { value: 'public', label: tc('category.public') },
    { value: 'eminent', label: tc('category.eminent') },
  ];
  return (
    <>
      <TextField
        label={t('addCitizen.name')}
        field={field('name')}
        required
        maxLength={200}
        readOnly={identityFixed}
        autoFocus={nameAutoFocus}
      />
      <TextField
        label={t('addCitizen.phone')}
        field={field('phone')}
        required
        type="tel"
        inputMode="tel"
        maxLength={24}
        hint={t('addCitizen.phoneHint')}
        readOnly={identityFixed}
      />
      <SelectField label={t('addCitizen.category')} field={field('category')} options={categories} required />
      <TextField label={t('addCitizen.locality')} field={field('locality')} maxLength={200} />
      <TextField label={t('addCitizen.occupation')} field={field('occupation')} maxLength={200} />
    </>
  );
}
