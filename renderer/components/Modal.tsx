// A modal dialog: focus moves in on open, Tab cycles inside it (focus trap), Esc closes it,
// and focus returns to where it was on close. The rest of the page is made inert meanwhile,
// so neither the mouse nor a screen reader can reach what sits behind.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => !el.closest('[inert]') && el.getAttribute('aria-hidden') !== 'true',
  );
}

interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** 'alert' for confirmations (screen readers announce them at once). */
  role?: 'dialog' | 'alertdialog';
  size?: 'small' | 'medium' | 'large';
  /** While true, Esc and the backdrop do nothing (work in progress). */
  busy?: boolean;
  /** Close when the dimmed backdrop is clicked. Off for forms, so a stray click loses nothing. */
  closeOnBackdrop?: boolean;
  /** CSS selector of the element to focus first; otherwise [data-autofocus], then the first field. */
  initialFocus?: string;
}

export function Modal({
  title,
  onClose,
  children,
  footer,
  role = 'dialog',
  size = 'medium',
  busy = false,
  closeOnBackdrop = false,
  initialFocus,
}: ModalProps) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    const root = document.getElementById('root');
    const wasInert = root?.hasAttribute('inert') ?? false;
    if (root && !wasInert) root.setAttribute('inert', '');
    const el = panel.current;
    if (el) {
      const first =
        (initialFocus ? el.querySelector<HTMLElement>(initialFocus) : null) ??
        el.querySelector<HTMLElement>('[data-autofocus]') ??
        focusableIn(el)[0] ??
        el;
      first.focus();
    }
    return () => {
      if (root && !wasInert) root.removeAttribute('inert');
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus();
    };
    // Focus handling belongs to opening and closing only, hence no dependencies.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // React bubbles events out of a nested dialog's portal into this one; let it handle its own.
    if (!panel.current || !panel.current.contains(e.target as Node)) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      if (!busy) closeRef.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = focusableIn(panel.current);
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !panel.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !panel.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (closeOnBackdrop && !busy && e.target === e.currentTarget) closeRef.current();
      }}
    >
      <div
        ref={panel}
        className={`modal modal--${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 className="modal__title" id={titleId}>
          {title}
        </h2>
        <div className="modal__body" id={bodyId}>
          {children}
        </div>
        {footer ? <div className="modal__footer">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  );
}
