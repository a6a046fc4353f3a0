// Opening an HQ database made earlier (SPEC §8): from the first-run card after "Leave HQ mode"
// or with one copied from the old HQ PC, and from the HQ header to switch. The backend asks for
// the file; the one open now is replaced only once the chosen file has opened as an HQ database,
// so a refusal (a district register, any other file) leaves everything as it was.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/index.js';
import { useToast } from '../../components/Toast.js';
import { call } from '../../data/call.js';
import { invalidate } from '../../data/use-query.js';
import { navigate } from '../../router/hash-router.js';

export function useOpenHqDatabase(): {
  open: () => Promise<void>;
  opening: boolean;
  error: ApiError | null;
  clearError: () => void;
} {
  const { t } = useTranslation('hq');
  const toast = useToast();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const open = async () => {
    setOpening(true);
    setError(null);
    try {
      const r = await call('hq.open', {});
      if (r.cancelled) return;
      toast({ message: t('app.firstRun.opened', { name: r.open ? r.name : '' }) });
      navigate('/hq', undefined, { replace: true });
      invalidate();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setOpening(false);
    }
  };
  return { open, opening, error, clearError: () => setError(null) };
}
