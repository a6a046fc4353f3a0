// The unit page's actions for a unit made by mistake (issue #11): delete (while nothing refers
// to it), close / reopen, merge into another — each with Undo in the toast.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../components/ConfirmDialog.js';
import type { ApiErrorData } from '../../../data/errors.js';
import { toErrorData } from '../../../data/errors.js';
import { call, type Res } from '../../../data/call.js';
import { invalidate } from '../../../data/use-query.js';
import { localName } from '../../../format/names.js';
import { useFormat } from '../../../format/use-format.js';
import { navigate, seg } from '../../../router/hash-router.js';
import { MergeDialog } from './MergeDialog.js';
import { useUndoableToast } from '../../../components/use-undoable.js';

type Unit = Res<'units.get'>['unit'];

interface UnitEditActionsProps {
  unit: Unit;
  /** Every unit of the register, for the merge target list. */
  units: readonly Pick<Unit, 'code' | 'name' | 'nameHi' | 'status'>[];
  onError: (e: ApiErrorData | null) => void;
}

export function UnitEditActions({ unit, units, onError }: UnitEditActionsProps) {
  const { t } = useTranslation('edits');
  const f = useFormat();
  const confirm = useConfirm();
  const undoable = useUndoableToast();
  const [merging, setMerging] = useState(false);
  const name = localName(unit, f.lang);

  const run = async (action: () => Promise<void>) => {
    onError(null);
    try {
      await action();
    } catch (err) {
      onError(toErrorData(err));
    }
  };

  const remove = () =>
    run(async () => {
      const ok = await confirm({
        title: t('unit.deleteTitle', { name }),
        body: t('unit.deleteBody'),
        confirmLabel: t('unit.delete'),
        destructive: true,
      });
      if (!ok) return;
      const { deleted } = await call('units.delete', { code: unit.code });
      invalidate();
      navigate('/units');
      undoable(t('unit.deleted', { name }), async () => {
        const { status, ...input } = deleted;
        await call('units.create', input);
        if (status === 'closed') await call('units.close', { code: deleted.code });
        navigate(`/units/${seg(deleted.code)}`);
      });
    });

  const close = () =>
    run(async () => {
      const ok = await confirm({
        title: t('unit.closeTitle', { name }),
        body: t('unit.closeBody'),
        confirmLabel: t('unit.close'),
        destructive: true,
      });
      if (!ok) return;
      const r = await call('units.close', { code: unit.code });
      invalidate();
      undoable(
        r.closedGroups.length
          ? t('unit.closedWithGroups', { name, count: r.closedGroups.length })
          : t('unit.closed', { name }),
        () => call('units.reopen', { code: unit.code, groupCodes: r.closedGroups }),
      );
    });

  const reopen = () =>
    run(async () => {
      await call('units.reopen', { code: unit.code, groupCodes: [] });
      invalidate();
      undoable(t('unit.reopened', { name }), () => call('units.close', { code: unit.code }));
    });

  return (
    <>
      {unit.status === 'active' ? (
        <button type="button" className="btn" onClick={() => void close()}>
          {t('unit.close')}
        </button>
      ) : (
        <button type="button" className="btn" onClick={() => void reopen()}>
          {t('unit.reopen')}
        </button>
      )}
      <button type="button" className="btn" onClick={() => setMerging(true)}>
        {t('unit.merge')}
      </button>
      <button type="button" className="btn btn--danger" onClick={() => void remove()}>
        {t('unit.delete')}
      </button>
      {merging ? (
        <MergeDialog
          entity="unit"
          from={unit.code}
          targets={units
            .filter((u) => u.status === 'active' && u.code !== unit.code)
            .map((u) => ({ value: u.code, label: `${localName(u, f.lang)} (${u.code})` }))}
          onCancel={() => setMerging(false)}
          onDone={(into) => {
            setMerging(false);
            navigate(`/units/${seg(into)}`);
          }}
        />
      ) : null}
    </>
  );
}
