// Create or edit a WhatsApp group, in a dialog. The kind defaults to what counts for the
// unit's rule in the active policy (police–public for a thana/OP, staff for the district centre
// …; read from the backend, never restated here); a kind that does not count is allowed (groups
// exist for many reasons) but flagged. Dates are typed dd-mm-yyyy; invite links follow the one
// rule the backend and the app's link opener use (contract/invite-link.ts).
import { useTranslation } from 'react-i18next';
import { DateField, SelectField, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { parseDateInput, todayIso, formatDate } from '../../format/dates.js';
import { localName } from '../../format/names.js';
import { currentLanguage } from '../../i18n/index.js';
import { CodedRecordDialog } from './CodedRecordDialog.js';
import { CODE_PATTERN, GROUP_KINDS, type GroupKind, type UnitType } from '../../../electron/contract/domain.js';
import { canonicalInviteLink } from '../../../electron/contract/invite-link.js';
import { unitNeeds, type Policy } from '../../../electron/contract/policy.js';

/** The group kinds that count for a unit of `type` under `policy` (any kind for a type no rule covers). */
export function qualifyingKinds(policy: Policy, type: UnitType): readonly GroupKind[] {
  return unitNeeds(policy, type)?.groupKinds ?? GROUP_KINDS;
}

function defaultKind(policy: Policy, type: UnitType): GroupKind {
  return qualifyingKinds(policy, type)[0]!;
}

export interface GroupFormValues extends Record<string, string> {
  code: string;
  unitCode: string;
  kind: string;
  name: string;
  createdOn: string; // as typed, dd-mm-yyyy
  adminServiceNo: string;
  inviteLink: string;
}

export interface GroupInput {
  code: string;
  unitCode: string;
  kind: GroupKind;
  name: string;
  createdOn: string | null; // ISO
  adminServiceNo: string | null;
  inviteLink: string | null;
}

export interface UnitOption {
  code: string;
  name: string;
  nameHi: string | null;
  type: UnitType;
}

/** Form values for an existing group (dates back to dd-mm-yyyy for editing). */
export function groupToForm(g: {
  code: string;
  unitCode: string;
  kind: GroupKind;
  name: string;
  createdOn: string | null;
  adminServiceNo: string | null;
  inviteLink: string | null;
}): GroupFormValues {
  return {
    code: g.code,
    unitCode: g.unitCode,
    kind: g.kind,
    name: g.name,
    createdOn: formatDate(g.createdOn),
    adminServiceNo: g.adminServiceNo ?? '',
    inviteLink: g.inviteLink ?? '',
  };
}

export function toGroupInput(v: GroupFormValues): GroupInput {
  return {
    code: v.code.trim(),
    unitCode: v.unitCode,
    kind: v.kind as GroupKind,
    name: v.name.trim(),
    createdOn: v.createdOn.trim() ? parseDateInput(v.createdOn) : null,
    adminServiceNo: v.adminServiceNo.trim() || null,
    inviteLink: v.inviteLink.trim() || null,
  };
}

interface GroupFormProps {
  mode: 'create' | 'edit';
  /** The active policy (`policy.active`): which kinds count for which unit type. */
  policy: Policy;
  units: readonly UnitOption[];
  /** For a new group: the unit it is made for (its kind defaults from the unit's type). */
  unitCode?: string;
  initial?: GroupFormValues;
  onSubmit: (input: GroupInput) => Promise<void>;
  onCancel: () => void;
  /** Today's date, for "not in the future" (tests pass a fixed one). */
  today?: string;
}

export function GroupFormDialog({ mode, policy, units, unitCode, initial, onSubmit, onCancel, today }: GroupFormProps) {
  const { t, i18n } = useTranslation(['units', 'common']);
  const lang = currentLanguage(i18n);
  const startUnit = units.find((u) => u.code === (initial?.unitCode ?? unitCode));
  const form = useFormState<GroupFormValues>(
    initial ?? {
      code: '',
      unitCode: startUnit?.code ?? '',
      kind: startUnit ? defaultKind(policy, startUnit.type) : 'public',
      name: '',
      createdOn: '',
      adminServiceNo: '',
      inviteLink: '',
    },
    (v) => {
      const e: Errors<GroupFormValues> = {};
      if (!CODE_PATTERN.test(v.code.trim())) e.code = t('group.errors.code');
      if (!v.unitCode) e.unitCode = t('group.errors.unit');
      if (!v.name.trim()) e.name = t('group.errors.name');
      if (v.createdOn.trim()) {
        const iso = parseDateInput(v.createdOn);
        if (!iso) e.createdOn = t('group.errors.date');
        else if (iso > (today ?? todayIso())) e.createdOn = t('group.errors.future');
      }
      if (v.inviteLink.trim() && !canonicalInviteLink(v.inviteLink.trim())) e.inviteLink = t('group.errors.inviteLink');
      return e;
    },
  );

  const unit = units.find((u) => u.code === form.values.unitCode);
  const kind = form.values.kind as GroupKind;
  const mismatch = unit && !qualifyingKinds(policy, unit.type).includes(kind);

  const onUnitChange = (code: string) => {
    form.set('unitCode', code);
    // A new group follows its unit's usual kind until the clerk picks one deliberately.
    const next = units.find((u) => u.code === code);
    if (mode === 'create' && next && !form.values.name && !qualifyingKinds(policy, next.type).includes(kind)) {
      form.set('kind', defaultKind(policy, next.type));
    }
  };
  const unitField = { ...form.field('unitCode'), onChange: onUnitChange };

  const submit = form.handleSubmit((v) => onSubmit(toGroupInput(v)));

  return (
    <CodedRecordDialog
      mode={mode}
      title={mode === 'create' ? t('group.new') : t('group.edit')}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      code={{ label: t('group.code'), hint: t('group.codeHint'), field: form.field('code') }}
    >
      <SelectField
        label={t('group.unit')}
        field={unitField}
        required
        placeholder={form.values.unitCode ? undefined : '—'}
        options={units.map((u) => ({ value: u.code, label: `${localName(u, lang)} (${u.code})` }))}
      />
      <TextField
        label={t('group.name')}
        field={form.field('name')}
        required
        maxLength={200}
        className="field--wide"
        autoFocus={mode === 'edit'}
      />
      <SelectField
        label={t('group.kind')}
        field={form.field('kind')}
        required
        options={GROUP_KINDS.map((k) => ({ value: k, label: t(`common:groupKind.${k}`) }))}
        hint={
          mismatch && unit
            ? t('group.kindMismatch', {
                kind: t(`common:groupKind.${kind}`),
                type: t(`common:unitType.${unit.type}`),
              })
            : undefined
        }
      />
      <DateField label={t('group.createdOn')} field={form.field('createdOn')} hint={t('group.createdOnHint')} />
      <TextField
        label={t('group.admin')}
        field={form.field('adminServiceNo')}
        hint={t('group.adminHint')}
        maxLength={64}
      />
      <TextField
        label={t('group.inviteLink')}
        field={form.field('inviteLink')}
        hint={t('group.inviteLinkHint')}
        type="url"
        maxLength={80}
      />
    </CodedRecordDialog>
  );
}
