// A modal dialog: focus moves in on open, Tab cycles inside it (focus trap), Esc closes it,
// and focus returns to where it was on close. The rest of the page is made inert meanwhile,
// so neither the mouse nor a screen reader can reach what sits behind.
//
// The one dialog of the app (issue #11): every dialog renders through it (ConfirmDialog and
// FormDialog are built on it; tests/unit/renderer/dialogs-shared.test.ts fails on any other
// role="dialog"). Esc and Tab are handled at the document, for the topmost open dialog, so they
// still work when focus has dropped to <body> (a Save button disabled while saving loses focus).
// A failed action's error (`error`) shows as an alert at the top of the body, and focus moves
// to the field it names (`details.field`, or the first zod issue path) or else to the alert.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { errorField, type ApiErrorData } from '../data/errors.js';
import { ErrorBanner } from './ErrorBanner.js';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Open dialogs, innermost last: keys at the document level go to the last one only. */
const openPanels: HTMLElement[] = [];

/** The input a backend error points at: `details.field`, else the first zod issue's path. */
export function errorFieldName(error: ApiErrorData): string | undefined {
  const field = errorField(error);
  if (field) return field;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (Array.isArray(issues)) {
    for (const issue of issues) {
      const path = (issue as { path?: unknown }).path;
      if (Array.isArray(path) && path.length > 0) return String(path[0]);
    }
  }
  return undefined;
}

/**
 * After a failed action inside `root`: focus the input the error names (by name, id or
 * data-field), else `fallback` (the alert). Runs after the render that shows the error.
 */
export function focusErrorTarget(root: HTMLElement | null, error: ApiErrorData, fallback: HTMLElement | null): void {
  const name = errorFieldName(error);
  const esc = (v: string) => v.replace(/["\\]/g, '\\$&');
  const field =
    root && name ? root.querySelector<HTMLElement>(`[name="${esc(name)}"], [data-field="${esc(name)}"]`) : null;
  (field && !field.hasAttribute('disabled') ? field : (fallback ?? root))?.focus();
}

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
  /**
   * A failed action's error: shown as an alert above the body's content; focus moves to the
   * field it names, else to the alert. Dialogs whose form shows field errors itself
   * (useFormState) pass only the errors that name no field.
   */
  error?: ApiErrorData | null;
  onDismissError?: () => void;
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
  error,
  onDismissError,
}: ModalProps) {
  const panel = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

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
      // Registered before focusing, so an outer dialog's focus guard lets this one take focus.
      openPanels.push(el);
      first.focus();
    }
    // Esc and Tab when focus is on nothing in particular (<body>): the dialog's own onKeyDown
    // does not see them. Only the innermost dialog answers.
    const onDocumentKey = (e: globalThis.KeyboardEvent) => {
      const me = panel.current;
      if (e.defaultPrevented || !me || openPanels[openPanels.length - 1] !== me) return;
      if (me.contains(e.target as Node)) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (!busyRef.current) closeRef.current();
      } else if (e.key === 'Tab') {
        e.preventDefault();
        const items = focusableIn(me);
        (e.shiftKey ? items[items.length - 1] : items[0])?.focus();
      }
    };
    // Focus moved to the page behind (a script focusing a heading) comes back to the innermost
    // dialog. Other layers on <body> (toasts with Undo, the preview's file chooser) keep it.
    const onFocusIn = (e: FocusEvent) => {
      const me = panel.current;
      const target = e.target as Node | null;
      if (!me || openPanels[openPanels.length - 1] !== me || !target || me.contains(target)) return;
      if (!root?.contains(target)) return;
      me.focus();
    };
    document.addEventListener('keydown', onDocumentKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onDocumentKey);
      document.removeEventListener('focusin', onFocusIn);
      if (el) openPanels.splice(openPanels.indexOf(el), 1);
      if (root && !wasInert) root.removeAttribute('inert');
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus();
    };
    // Focus handling belongs to opening and closing only, hence no dependencies.
  }, []);

  // When work ends (busy → false) with focus dropped to <body> (its button was disabled), bring
  // it back into the dialog; an error below may then move it on to its field or alert.
  useEffect(() => {
    if (busy) return;
    const active = document.activeElement;
    if (panel.current && (!active || active === document.body)) panel.current.focus();
  }, [busy]);

  useEffect(() => {
    if (error) focusErrorTarget(panel.current, error, errorRef.current);
  }, [error]);

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
          {error ? (
            <div ref={errorRef} tabIndex={-1} className="modal__error">
              <ErrorBanner error={error} onDismiss={onDismissError} />
            </div>
          ) : null}
          {children}
        </div>
        {footer ? <div className="modal__footer">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  );
}
