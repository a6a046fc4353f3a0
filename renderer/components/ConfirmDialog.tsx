// Destructive and irreversible actions ask first. Cancel has the initial focus for destructive
// actions, so a reflexive Enter does no harm.
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../data/errors.js';
import { Modal } from './Modal.js';

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  destructive?: boolean;
}

interface ConfirmDialogProps extends ConfirmOptions {
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** The action's refusal: an alert in the dialog, focus on the field it names or on it. */
  error?: ApiErrorData | null;
  onDismissError?: () => void;
}

export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  destructive,
  onConfirm,
  onCancel,
  busy,
  error,
  onDismissError,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      title={title}
      onClose={onCancel}
      role="alertdialog"
      size="small"
      busy={busy}
      error={error}
      onDismissError={onDismissError}
      closeOnBackdrop
      initialFocus={destructive ? '[data-confirm-cancel]' : '[data-confirm-ok]'}
      footer={
        <>
          <button type="button" className="btn" data-confirm-cancel onClick={onCancel} disabled={busy}>
            {cancelLabel ?? t('actions.cancel')}
          </button>
          <button
            type="button"
            className={destructive ? 'btn btn--danger' : 'btn btn--primary'}
            data-confirm-ok
            onClick={onConfirm}
            disabled={busy}
          >
            {busy ? t('state.working') : (confirmLabel ?? t('actions.confirm'))}
          </button>
        </>
      }
    >
      {typeof body === 'string' ? <p>{body}</p> : body}
    </Modal>
  );
}

type Confirm = (opts: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Confirm | null>(null);

/** Lets any page `await confirm({...})` without keeping dialog state of its own. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);

  const confirm = useCallback<Confirm>((opts) => {
    resolver.current?.(false);
    setPending(opts);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const settle = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setPending(null);
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {pending ? <ConfirmDialog {...pending} onConfirm={() => settle(true)} onCancel={() => settle(false)} /> : null}
    </ConfirmContext.Provider>
  );
}

export function useConfirm(): Confirm {
  const c = useContext(ConfirmContext);
  if (!c) throw new Error('useConfirm needs a <ConfirmProvider> above it');
  return c;
}
