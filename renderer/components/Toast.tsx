// Short notices after an action ("Group closed"), with Undo where the action can be reversed.
// They live in a polite live region, stay 6 s (10 s with Undo) and pause while hovered or
// focused, so a clerk who reaches for Undo does not lose it. The stack sits over the navigation
// column (app.css), never over a page's own buttons.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ToastOptions {
  message: string;
  tone?: 'success' | 'info' | 'error';
  /** Offers an Undo button; the toast closes when it is pressed. */
  undo?: () => void | Promise<void>;
  /** Milliseconds; defaults to 6000, 10000 with undo. */
  duration?: number;
}

interface ToastItem extends ToastOptions {
  id: number;
}

type Show = (opts: ToastOptions) => void;
const ToastContext = createContext<Show | null>(null);

function ToastView({ item, onClose }: { item: ToastItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [paused, setPaused] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const duration = item.duration ?? (item.undo ? 10_000 : 6_000);

  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(onClose, duration);
    return () => clearTimeout(timer);
  }, [paused, duration, onClose]);

  return (
    <div
      className={`toast toast--${item.tone ?? 'success'}`}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="toast__message">{item.message}</span>
      {item.undo ? (
        <button
          type="button"
          className="btn btn--small toast__undo"
          disabled={undoing}
          onClick={async () => {
            setUndoing(true);
            try {
              await item.undo!();
            } finally {
              onClose();
            }
          }}
        >
          {t('actions.undo')}
        </button>
      ) : null}
      <button type="button" className="toast__close" aria-label={t('actions.dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);

  const show = useCallback<Show>((opts) => {
    const id = next.current++;
    // At most three on screen; the oldest goes first.
    setItems((xs) => [...xs.slice(-2), { ...opts, id }]);
  }, []);

  const closers = useRef(new Map<number, () => void>());
  const closer = (id: number) => {
    let c = closers.current.get(id);
    if (!c) {
      c = () => {
        closers.current.delete(id);
        setItems((xs) => xs.filter((x) => x.id !== id));
      };
      closers.current.set(id, c);
    }
    return c;
  };

  return (
    <ToastContext.Provider value={show}>
      {children}
      <section className="toasts" aria-label={t('toast.region')} aria-live="polite">
        {items.map((item) => (
          <ToastView key={item.id} item={item} onClose={closer(item.id)} />
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  const s = useContext(ToastContext);
  if (!s) throw new Error('useToast needs a <ToastProvider> above it');
  return s;
}
