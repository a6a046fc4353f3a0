// A group row's actions for a group made by mistake (issue #11): delete (while it never had a
// member) and merge into another group — each with Undo in the toast.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../components/ConfirmDialog.js';
import { call } from '../../../data/call.js';
import { toErrorData, type ApiErrorData } from '../../../data/errors.js';
import { invalidate, useQuery } from '../../../data/use-query.js';
import { MergeDialog } from './MergeDialog.js';
import { useUndoableToast } from '../../../components/use-undoable.js';

interface GroupEditActionsProps {
  group: { code: string; name: string };
  onError: (e: ApiErrorData | null) => void;
}

export function GroupEditActions({ group, onError }: GroupEditActionsProps) {
  const { t } = useTranslation('edits');
  const confirm = useConfirm();
  const undoable = useUndoableToast();
  const [merging, setMerging] = useState(false);

  const remove = async () => {
    onError(null);
    try {
      const ok = await confirm({
        title: t('group.deleteTitle', { name: group.name }),
        body: t('group.deleteBody'),
        confirmLabel: t('group.delete'),
        destructive: true,
      });
      if (!ok) return;
      const { deleted } = await call('groups.delete', { code: group.code });
      invalidate();
      undoable(t('group.deleted', { name: group.name }), async () => {
        const { status, ...input } = deleted;
        await call('groups.create', input);
        if (status === 'closed') await call('groups.close', { code: deleted.code });
      });
    } catch (err) {
      onError(toErrorData(err));
    }
  };

  return (
    <>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => setMerging(true)}
        aria-label={`${t('group.merge')}: ${group.name}`}
      >
        {t('group.merge')}
      </button>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => void remove()}
        aria-label={`${t('group.delete')}: ${group.name}`}
      >
        {t('group.delete')}
      </button>
      {merging ? (
        <GroupMergeDialog from={group.code} onClose={() => setMerging(false)} initialInto={undefined} />
      ) : null}
    </>
  );
}

/** The merge dialog for a group, with every active group of the register as a target. */
export function GroupMergeDialog({
  from,
  initialInto,
  onClose,
}: {
  from: string;
  initialInto: string | undefined;
  onClose: () => void;
}) {
  const groups = useQuery(() => call('groups.list', { status: 'active' }), []);
  if (!groups.data) return null;
  return (
    <MergeDialog
      entity="group"
      from={from}
      initialInto={initialInto}
      targets={groups.data.map((g) => ({ value: g.code, label: `${g.name} (${g.code} · ${g.unitCode})` }))}
      onCancel={onClose}
      onDone={onClose}
    />
  );
}
