import type { ReactNode } from 'react';
import { useFieldCell } from './field-cell-context';
import { useFieldPresence } from './field-presence';

export interface FieldFrameProps {
  /** The control's id; the label points at it. */
  id: string;
  label: string;
  hint?: string;
  problem?: string | null;
  /** The field's plan path, so the meeting can show who else is editing it. */
  fieldPath?: string;
  /**
   * control: label above one control (default). checkbox: the box, then its label, on one
   * line. group: several controls (a checklist) in a fieldset whose legend is the label.
   */
  variant?: 'control' | 'checkbox' | 'group';
  children: ReactNode;
}

/** Ids for the hint and problem paragraphs, for aria-describedby on the control. */
export function describedByFor(id: string, hint?: string, problem?: string | null): string | undefined {
  return [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * Every field looks and behaves the same: a visible label, an optional hint, the control,
 * a plain-language problem next to it, and who else in the meeting is editing it.
 */
export function FieldFrame({ id, label, hint, problem, fieldPath, variant = 'control', children }: FieldFrameProps) {
  const presence = useFieldPresence();
  const row = useFieldCell();
  const editors = fieldPath ? presence.editorsOf(fieldPath) : [];
  const className = `field${variant === 'checkbox' ? ' field--flag' : ''}${problem ? ' field--problem' : ''}${editors.length ? ' field--shared' : ''}`;
  const hintNode = hint ? (
    <p className={row === null ? 'field__hint' : 'visually-hidden'} id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
  const after = (
    <>
      {editors.length ? (
        <p className="field__editors" aria-live="polite">
          {editors.map((editor) => (
            <span key={editor.clientId} className="field__editor" data-colour={editor.colour}>
              {editor.name} ({editor.role}) is editing
            </span>
          ))}
        </p>
      ) : null}
      {problem ? (
        <p className="field__problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
  if (variant === 'group') {
    return (
      <fieldset className={`${className} field--group`} data-field-path={fieldPath} id={id} aria-describedby={describedByFor(id, hint, problem)}>
        <legend>{label}</legend>
        {hintNode}
        {children}
        {after}
      </fieldset>
    );
  }
  if (variant === 'checkbox') {
    return (
      <div className={className} data-field-path={fieldPath}>
        <div className="field__checkbox-row">
          {children}
          <label htmlFor={id}>{label}</label>
        </div>
        {hintNode}
        {after}
      </div>
    );
  }
  if (row !== null) {
    // A table cell: the column heading is the visible label; the control's label names the row too.
    return (
      <div className={`${className} field--cell`} data-field-path={fieldPath}>
        <label htmlFor={id} className="visually-hidden">
          {label}, {row}
        </label>
        {hintNode}
        {children}
        {after}
      </div>
    );
  }
  return (
    <div className={className} data-field-path={fieldPath}>
      <label htmlFor={id}>{label}</label>
      {hintNode}
      {children}
      {after}
    </div>
  );
}
