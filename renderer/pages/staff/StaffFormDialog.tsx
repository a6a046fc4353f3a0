// Add a staff member to the roster (`staff.create`) or edit one (`staff.update`). The rank
// comes from the register's rank list (`ranks.list`, data not code), shown in the clerk's
// language; the posting unit from the units.
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorBanner.js';
import { FormDialog } from '../../components/FormDialog.js';
import { SelectField, TextField } from '../../components/FormFields.js';
import { useFormState, type Errors } from '../../components/form-state.js';
import { useToast } from '../../components/Toast.js';
import { call, type Res } from '../../data/call.js';
import { invalidate, useQuery } from '../../data/use-query.js';
import { localName } from '../../format/names.js';
import { useFormat } from '../../format/use-format.js';
import type { Language } from '../../i18n/index.js';
import { cleanText, formatPhone, useServerMessages } from '../members/member-format.js';

export type StaffRow = Res<'staff.list'>['rows'][number];
export type RankRow = Res<'ranks.list'>[number];
export type UnitRow = Res<'units.list'>[number];

interface StaffFormValues extends Record<string, string> {
  serviceNo: string;
  name: string;
  rank: string;
  gender: string;
  unitCode: string;
  phone: string;
}

export function useRanks() {
  return useQuery(() => call('ranks.list', {}), []);
}

export function useUnits() {
  return useQuery(() => call('units.list', {}), []);
}

/** A rank in the language on screen. */
export function rankName(r: { nameEn?: string; nameHi?: string; rankEn?: string; rankHi?: string }, lang: string) {
  const en = r.nameEn ?? r.rankEn ?? '';
  const hi = r.nameHi ?? r.rankHi ?? '';
  return lang === 'hi' && hi ? hi : en;
}

/** A staff member's posting unit in the language on screen. */
export function postingName(r: Pick<StaffRow, 'unitName' | 'unitNameHi'>, lang: Language): string {
  return localName({ name: r.unitName, nameHi: r.unitNameHi }, lang);
}

interface StaffFormDialogProps {
  onClose: () => void;
  /** Editing this staff member; creating when absent. */
  staff?: StaffRow;
}

export function StaffFormDialog({ onClose, staff }: StaffFormDialogProps) {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const { lang } = useFormat();
  const toast = useToast();
  const translate = useServerMessages();
  const ranks = useRanks();
  const units = useUnits();

  const form = useFormState<StaffFormValues>(
    {
      serviceNo: staff?.serviceNo ?? '',
      name: staff?.name ?? '',
      rank: staff?.rankCode ?? '',
      gender: staff?.gender ?? '',
      unitCode: staff?.unitCode ?? '',
      phone: formatPhone(staff?.phone),
    },
    (v) => {
      const e: Errors<StaffFormValues> = {};
      const req = tc('form.required');
      if (!v.serviceNo.trim()) e.serviceNo = req;
      if (!v.name.trim()) e.name = req;
      if (!v.rank) e.rank = req;
      if (!v.gender) e.gender = req;
      if (!v.unitCode) e.unitCode = req;
      return e;
    },
  );

  const onSubmit = form.handleSubmit(async (v) => {
    const args = {
      serviceNo: v.serviceNo.trim(),
      name: cleanText(v.name) ?? '',
      rank: v.rank,
      gender: v.gender as 'F' | 'M' | 'X',
      unitCode: v.unitCode,
      phone: v.phone.trim() || null,
    };
    let saved: StaffRow;
    try {
      saved = staff ? await call('staff.update', args) : await call('staff.create', args);
    } catch (err) {
      throw translate(err);
    }
    toast({ message: staff ? t('form.updated', { name: saved.name }) : t('form.created', { name: saved.name }) });
    invalidate();
    onClose();
  });

  const title = staff ? t('form.editTitle', { serviceNo: staff.serviceNo }) : t('form.createTitle');
  const rankOptions = (ranks.data ?? []).map((r) => ({ value: r.code, label: rankName(r, lang) }));
  const unitOptions = (units.data ?? [])
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code, 'en-IN', { numeric: true }))
    .map((u) => ({ value: u.code, label: `${localName(u, lang)} (${u.code})` }));
  const genderOptions = (['F', 'M', 'X'] as const).map((g) => ({ value: g, label: tc(`gender.${g}`) }));

  return (
    <FormDialog
      title={title}
      form={form}
      onSubmit={onSubmit}
      onCancel={onClose}
      notices={
        <>
          {ranks.error ? <ErrorBanner error={ranks.error} onRetry={ranks.reload} /> : null}
          {units.error ? <ErrorBanner error={units.error} onRetry={units.reload} /> : null}
        </>
      }
    >
      <div className="form-grid">
        <TextField
          label={t('form.serviceNo')}
          field={form.field('serviceNo')}
          required
          maxLength={64}
          readOnly={!!staff}
          hint={staff ? undefined : t('form.serviceNoHint')}
          autoFocus={!staff}
        />
        <TextField label={t('form.name')} field={form.field('name')} required maxLength={200} autoFocus={!!staff} />
        <SelectField
          label={t('form.rank')}
          field={form.field('rank')}
          options={rankOptions}
          placeholder={t('form.chooseRank')}
          required
        />
        <SelectField
          label={t('form.gender')}
          field={form.field('gender')}
          options={genderOptions}
          placeholder={t('form.chooseGender')}
          required
        />
        <SelectField
          label={t('form.unit')}
          field={form.field('unitCode')}
          options={unitOptions}
          placeholder={t('form.chooseUnit')}
          required
        />
        <TextField
          label={t('form.phone')}
          field={form.field('phone')}
          type="tel"
          inputMode="tel"
          maxLength={24}
          hint={t('form.phoneHint')}
        />
      </div>
    </FormDialog>
  );
}
