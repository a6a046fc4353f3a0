// Create or edit a unit, in a dialog. The parent thana is asked for OPs only, the division's
// name for division units only; the code cannot change once made (imports and bundles refer
// to it).
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { localName } from '../../format/names.js';
import { currentLanguage } from '../../i18n/index.js';
import { CodedRecordDialog } from './CodedRecordDialog.js';
import { CODE_PATTERN, UNIT_TYPES, type UnitType } from '../../../electron/contract/domain.js';

export interface UnitFormValues extends Record<string, string> {
  code: string;
  name: string;
  nameHi: string;
  type: string;
  parentCode: string;
  division: string;
}

export interface UnitInput {
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
  parentCode: string | null;
  division: string | null;
}

export interface ThanaOption {
  code: string;
  name: string;
  nameHi: string | null;
}

interface UnitFormProps {
  mode: 'create' | 'edit';
  initial?: Partial<UnitFormValues>;
  thanas: readonly ThanaOption[];
  onSubmit: (input: UnitInput) => Promise<void>;
  onCancel: () => void;
}

export const emptyUnit: UnitFormValues = {
  code: '',
  name: '',
  nameHi: '',
  type: 'thana',
  parentCode: '',
  division: '',
};

export function toUnitInput(v: UnitFormValues): UnitInput {
  const type = v.type as UnitType;
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    nameHi: v.nameHi.trim() || null,
    type,
    parentCode: type === 'op' ? v.parentCode || null : null,
    division: type === 'division' ? v.division.trim() || null : null,
  };
}

export function UnitFormDialog({ mode, initial, thanas, onSubmit, onCancel }: UnitFormProps) {
  const { t, i18n } = useTranslation(['units', 'common']);
  const lang = currentLanguage(i18n);
  const form = useFormState<UnitFormValues>({ ...emptyUnit, ...initial } as UnitFormValues, (v) => {
    const e: Errors<UnitFormValues> = {};
    if (!CODE_PATTERN.test(v.code.trim())) e.code = t('form.errors.code');
    if (!v.name.trim()) e.name = t('form.errors.name');
    if (v.type === 'op') {
      if (!v.parentCode) e.parentCode = t('form.errors.parent');
      else if (v.parentCode === v.code.trim()) e.parentCode = t('form.errors.parentSelf');
    }
    return e;
  });
  const type = form.values.type as UnitType;
  const parentOptions = thanas
    .filter((u) => u.code !== form.values.code)
    .map((u) => ({ value: u.code, label: `${localName(u, lang)} (${u.code})` }));

  const submit = form.handleSubmit((v) => onSubmit(toUnitInput(v)));

  return (
    <CodedRecordDialog
      mode={mode}
      title={mode === 'create' ? t('newUnit') : t('editUnit')}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      code={{ label: t('form.code'), hint: t('form.codeHint'), field: form.field('code') }}
    >
      <SelectField
        label={t('form.type')}
        field={form.field('type')}
        required
        options={UNIT_TYPES.map((u) => ({ value: u, label: t(`common:unitType.${u}`) }))}
      />
      <TextField
        label={t('form.name')}
        field={form.field('name')}
        required
        maxLength={200}
        autoFocus={mode === 'edit'}
      />
      <TextField label={t('form.nameHi')} field={form.field('nameHi')} maxLength={200} lang="hi" />
      {type === 'op' ? (
        <SelectField
          label={t('form.parent')}
          field={form.field('parentCode')}
          required
          options={parentOptions}
          placeholder={t('form.parentPlaceholder')}
          hint={parentOptions.length === 0 ? t('form.noThanas') : undefined}
          className="field--wide"
        />
      ) : null}
      {type === 'division' ? (
        <TextField
          label={t('form.division')}
          field={form.field('division')}
          hint={t('form.divisionHint')}
          maxLength={200}
          className="field--wide"
        />
      ) : null}
    </CodedRecordDialog>
  );
}
