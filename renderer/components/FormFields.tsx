// Labelled form fields with inline validation. Each input is tied to its label, hint and error
// (aria-describedby, aria-invalid), so the message is read out when the field gets focus.
import { useId, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldBinding } from './form-state.js';

interface FieldShellProps {
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  id: string;
  children: ReactNode;
  className?: string;
}

function FieldShell({ label, required, hint, error, id, children, className }: FieldShellProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true" title={t('form.required')}>
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint && !error ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field__error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

/** What every form control (input, textarea, select) takes from its field: value, events, ARIA. */
function bindControl(id: string, field: FieldBinding, required: boolean | undefined, hint: unknown) {
  return {
    id,
    name: field.name,
    value: field.value,
    onChange: (e: { target: { value: string } }) => field.onChange(e.target.value),
    onBlur: field.onBlur,
    'aria-invalid': field.error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': describedBy(id, hint, field.error),
  };
}

interface TextFieldProps {
  label: string;
  field: FieldBinding;
  required?: boolean;
  hint?: ReactNode;
  placeholder?: string;
  type?: 'text' | 'url' | 'tel' | 'search';
  inputMode?: 'text' | 'numeric' | 'tel' | 'url';
  maxLength?: number;
  autoFocus?: boolean;
  /** Language of what is typed (Hindi names get lang="hi" for the right font and spell-check). */
  lang?: string;
  readOnly?: boolean;
  className?: string;
  autoComplete?: string;
}

export function TextField({ label, field, required, hint, className, ...input }: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell label={label} required={required} hint={hint} error={field.error} id={id} className={className}>
      <input
        {...bindControl(id, field, required, hint)}
        className="input"
        spellCheck={false}
        autoComplete={input.autoComplete ?? 'off'}
        data-autofocus={input.autoFocus ? '' : undefined}
        type={input.type ?? 'text'}
        inputMode={input.inputMode}
        maxLength={input.maxLength}
        placeholder={input.placeholder}
        lang={input.lang}
        readOnly={input.readOnly}
      />
    </FieldShell>
  );
}

interface TextAreaFieldProps {
  label: string;
  field: FieldBinding;
  required?: boolean;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
  className?: string;
}

/** Multi-line text. Enter makes a new line here; Ctrl+Enter submits the form. */
export function TextAreaField({ label, field, required, hint, rows = 5, maxLength, className }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldShell label={label} required={required} hint={hint} error={field.error} id={id} className={className}>
      <textarea
        {...bindControl(id, field, required, hint)}
        className="input textarea"
        rows={rows}
        maxLength={maxLength}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  field: FieldBinding;
  options: readonly Option[];
  required?: boolean;
  hint?: ReactNode;
  /** Adds a first empty choice with this label (e.g. "— choose —"). */
  placeholder?: string;
  autoFocus?: boolean;
  disabled?: boolean;
  className?: string;
}

export function SelectField({
  label,
  field,
  options,
  required,
  hint,
  placeholder,
  autoFocus,
  disabled,
  className,
}: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell label={label} required={required} hint={hint} error={field.error} id={id} className={className}>
      <select
        {...bindControl(id, field, required, hint)}
        className="input select"
        data-autofocus={autoFocus ? '' : undefined}
        disabled={disabled}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

type DateFieldProps = Omit<TextFieldProps, 'type' | 'inputMode' | 'placeholder'>;

/** Dates are typed dd-mm-yyyy (what clerks write); the form converts with parseDateInput. */
export function DateField(props: DateFieldProps) {
  return <TextField {...props} placeholder="dd-mm-yyyy" inputMode="numeric" maxLength={10} />;
}

interface FormProps {
  onSubmit: (e?: React.FormEvent) => void;
  /** Esc anywhere in the form calls this (outside a modal, which handles Esc itself). */
  onCancel?: () => void;
  formRef?: RefObject<HTMLFormElement | null>;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
  /** Lets buttons outside the form (a modal's footer) submit it with `form="id"`. */
  id?: string;
}

/** Enter submits (native form behaviour), Esc cancels; browser validation is off in favour of ours. */
export function Form({ onSubmit, onCancel, formRef, children, className, id, ...aria }: FormProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      e.stopPropagation(); // a modal around the form must not also react
      onCancel();
    }
  };
  return (
    <form ref={formRef} id={id} noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className={className} {...aria}>
      {children}
    </form>
  );
}

/**
 * A form whose visible Save button sits outside it (a dialog footer, `form={id}`) still needs a
 * submit button inside for Enter to submit from any field (implicit submission).
 */
export function SubmitOnEnter() {
  return <button type="submit" hidden tabIndex={-1} aria-hidden="true" />;
}
