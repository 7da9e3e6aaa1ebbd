import { useId, type ReactNode } from 'react';
import { useKit } from '@/utils/kit/store';
import type { KitForm } from '@/utils/kit/form';

/** A labelled settings field with its help text and the kit store's validation error, wired for screen readers. */
export function Field({
  name,
  label,
  help,
  children,
}: {
  name: keyof KitForm;
  label: string;
  help?: string;
  children(id: string, describedBy: string | undefined, invalid: boolean): ReactNode;
}) {
  const id = useId();
  const error = useKit((s) => s.errors[name]);
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy, Boolean(error))}
      {help && (
        <p id={`${id}-help`} className="hint-text">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="error-text" role="alert" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Text({
  name,
  label,
  help,
  type = 'text',
  multiline = 0,
  placeholder,
}: {
  name: keyof KitForm;
  label: string;
  help?: string;
  type?: string;
  multiline?: number;
  placeholder?: string;
}) {
  const value = useKit((s) => String(s.form?.[name] ?? ''));
  const change = useKit((s) => s.change);
  return (
    <Field name={name} label={label} help={help}>
      {(id, d, invalid) =>
        multiline ? (
          <textarea
            id={id}
            rows={multiline}
            value={value}
            aria-describedby={d}
            aria-invalid={invalid}
            onChange={(e) => change(name, e.target.value as never)}
            data-testid={`kit-${name}`}
            placeholder={placeholder}
          />
        ) : (
          <input
            id={id}
            type={type}
            value={value}
            aria-describedby={d}
            aria-invalid={invalid}
            onChange={(e) => change(name, e.target.value as never)}
            data-testid={`kit-${name}`}
            placeholder={placeholder}
          />
        )
      }
    </Field>
  );
}
