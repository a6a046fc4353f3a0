// A toast whose Undo runs the reverse change through the backend. The Undo button stays for as
// long as the toast shows; a failed Undo says why instead of failing silently.
import { useTranslation } from 'react-i18next';
import { useErrorWords } from './error-words.js';
import { useToast } from './Toast.js';
import { toErrorData } from '../data/errors.js';
import { invalidate } from '../data/use-query.js';

export function useUndoableToast(): (message: string, undo: () => Promise<unknown>) => void {
  const toast = useToast();
  const { t } = useTranslation('edits');
  const words = useErrorWords();
  return (message, undo) =>
    toast({
      message,
      undo: async () => {
        try {
          await undo();
          invalidate();
          toast({ tone: 'info', message: t('undone') });
        } catch (err) {
          const w = words(toErrorData(err));
          toast({ tone: 'error', message: `${t('undoFailed')}: ${w.detail ?? w.headline}` });
        }
      },
    });
}
