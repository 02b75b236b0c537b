import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import * as Y from 'yjs';
import { applyTextDiff } from './apply-text-diff';
import { describedByFor, FieldFrame } from './field-frame';
import { useFieldPresence } from './field-presence';
import { useCaretPresence } from '../meeting/caret-presence';

export interface TextFieldProps {
  label: string;
  text: Y.Text;
  multiline?: boolean;
  hint?: string;
  /** Max characters; a paste past it is refused with a message instead of stored. */
  maxLength: number;
  /** Plain-language problem with the current value, shown next to the field. */
  validate?: (value: string) => string | null;
  /** The field's plan path (e.g. "aboutMe/whatMatters"), for meeting presence. */
  fieldPath?: string;
  autoFocus?: boolean;
}

/**
 * A labelled text input bound to a Y.Text. Local typing becomes minimal Yjs edits;
 * remote edits update the field while keeping the caret where it was in the text.
 */
export function TextField({ label, text, multiline, hint, maxLength, validate, fieldPath, autoFocus }: TextFieldProps) {
  const id = useId();
  const presence = useFieldPresence();
  const caretPresence = useCaretPresence();
  const [value, setValue] = useState(() => text.toString());
  const [refusal, setRefusal] = useState<string | null>(null);
  const element = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  // True only while THIS control writes its own typing: the one change it must not echo back.
  // (Another control bound to the same text — a table cell and the row's Details form —
  // must still follow it, so "local" alone is not the test.)
  const writing = useRef(false);

  useEffect(() => {
    setValue(text.toString());
    const observer = (event: Y.YTextEvent) => {
      if (writing.current) return;
      const field = element.current;
      const hadFocus = field !== null && document.activeElement === field;
      // The caret's place in the text BEFORE this change: the selection indexes the old
      // value, so map them through the change (event.delta) rather than re-reading them.
      const from = hadFocus ? mapIndexThroughDelta(field.selectionStart ?? 0, event.delta) : 0;
      const to = hadFocus ? mapIndexThroughDelta(field.selectionEnd ?? 0, event.delta) : 0;
      const next = text.toString();
      // Update the DOM NOW, not on React's next render: someone typing while a peer's change
      // arrives must type into the new text, or the diff in onChange (DOM value vs Y.Text)
      // would see the peer's characters as deleted and remove them for everyone.
      if (field && field.value !== next) {
        field.value = next;
        if (hadFocus) field.setSelectionRange(from, to);
      }
      setValue(next);
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = event.target.value;
    if (next.length > maxLength) {
      setRefusal(`This is too long: ${label} can hold at most ${maxLength.toLocaleString('en-GB')} characters. Nothing was added.`);
      event.target.value = value;
      return;
    }
    setRefusal(null);
    // The observer above skips this change: it is already on screen here.
    writing.current = true;
    try {
      applyTextDiff(text, text.toString(), next);
    } finally {
      writing.current = false;
    }
    setValue(next);
  };

  const problem = refusal ?? validate?.(value) ?? null;
  const remoteCarets = fieldPath ? caretPresence.caretsIn(fieldPath, text) : [];
  const common = {
    id,
    ref: element,
    value,
    onChange,
    // Follows the writing direction of what is typed: a right-to-left name reads correctly.
    dir: 'auto',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedByFor(id, hint, problem),
    onFocus: () => presence.reportFocus(fieldPath ?? null),
    // Where my caret is, for other people's screens (relative to the text, so it stays put as they type).
    onSelect: (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      if (fieldPath) caretPresence.reportCaret(fieldPath, text, event.currentTarget.selectionStart ?? 0, event.currentTarget.selectionEnd ?? 0);
    },
    onBlur: () => presence.reportFocus(null),
    autoFocus,
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem} fieldPath={fieldPath}>
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      {remoteCarets.length ? (
        <ul className="field__carets" aria-label={`Where others are typing in ${label}`}>
          {remoteCarets.map((caret) => (
            <li key={caret.clientId} style={{ borderLeftColor: caret.colour }}>
              {caret.name} is typing {caret.before ? `after “…${caret.before}”` : 'at the start'}
            </li>
          ))}
        </ul>
      ) : null}
    </FieldFrame>
  );
}

/** Where an index in the text before a change ends up after it (inserts at the index push it right). */
function mapIndexThroughDelta(index: number, delta: ReadonlyArray<{ insert?: unknown; retain?: number; delete?: number }>): number {
  let position = 0;
  let mapped = index;
  for (const op of delta) {
    if (position > index) break;
    if (op.retain !== undefined) position += op.retain;
    else if (op.delete !== undefined) {
      mapped -= Math.min(op.delete, Math.max(0, index - position));
      position += op.delete;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (position <= index) mapped += length;
    }
  }
  return mapped;
}
