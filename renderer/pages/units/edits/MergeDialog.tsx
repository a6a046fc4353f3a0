// Merge a unit or a group into another (issue #11): the clerk picks the one to keep; the call
// moves what refers to the merged one, and the toast offers Undo (merges.undo).
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/FormDialog.js';
import { SelectField, type Option } from '../../../components/FormFields.js';
import { useFormState } from '../../../components/form-state.js';
import { call } from '../../../data/call.js';
import { invalidate } from '../../../data/use-query.js';
import { useUndoableToast } from '../../../components/use-undoable.js';

interface MergeDialogProps {
  entity: 'unit' | 'group';
  from: string;
  /** The records it may be merged into (never `from` itself). */
  targets: readonly Option[];
  /** Preselected target, e.g. the other spelling of a case-duplicate. */
  initialInto?: string;
  onDone: (into: string) => void;
  onCancel: () => void;
}

export function MergeDialog({ entity, from, targets, initialInto, onDone, onCancel }: MergeDialogProps) {
  const { t } = useTranslation('edits');
  const undoable = useUndoableToast();
  const form = useFormState({ into: initialInto ?? '' }, (v) => (v.into ? {} : { into: t('mergeDialog.required') }));
  const submit = form.handleSubmit(async ({ into }) => {
    const r =
      entity === 'unit' ? await call('units.merge', { from, into }) : await call('groups.merge', { from, into });
    invalidate();
    undoable(t(entity === 'unit' ? 'unit.merged' : 'group.merged', { from, into }), () =>
      call('merges.undo', { mergeId: r.mergeId }),
    );
    onDone(into);
  });
  return (
    <FormDialog
      title={t(entity === 'unit' ? 'mergeDialog.unitTitle' : 'mergeDialog.groupTitle', { code: from })}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t('mergeDialog.submit')}
    >
      <p>{t(entity === 'unit' ? 'mergeDialog.unitBody' : 'mergeDialog.groupBody', { code: from })}</p>
      <SelectField
        label={t('mergeDialog.into')}
        field={form.field('into')}
        options={targets.filter((o) => o.value !== from)}
        placeholder={t('mergeDialog.choose')}
        required
        autoFocus
      />
    </FormDialog>
  );
}
