/**
 * What each participant shares about themselves through y-webrtc awareness. Presence is
 * kept apart from the plan: it is never persisted, and a peer's state is read through
 * readPresence so a malformed one is ignored rather than trusted.
 */
export interface CaretState {
  /** The field's plan path, e.g. "aboutMe/whatMatters". */
  fieldPath: string;
  /** Y.RelativePosition JSON (stays attached to the text as others type). */
  anchor: unknown;
  head: unknown;
}

export interface PresenceState {
  user: { name: string; role: string; colour: string };
  /** y-webrtc's peer id of this participant's room, to attribute what arrives over their connection. */
  meetingPeerId: string;
  focus: string | null;
  caret: CaretState | null;
  /** The plan section this participant is looking at (followed when they are the chair). */
  viewing: string | null;
  chair: boolean;
}

/** Colours with at least 4.5:1 contrast on white, so names drawn in them stay readable. */
export const PRESENCE_COLOURS = ['#1a5fb4', '#a51d2d', '#26702f', '#613583', '#865e00', '#00727a', '#9c1f63', '#5e4536'] as const;

/** The same person gets the same colour in every meeting (derived from their profile, not random). */
export function presenceColour(name: string, role: string): string {
  let hash = 2166136261;
  for (const char of `${name}\n${role}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] ?? PRESENCE_COLOURS[0];
}

const MAX_TEXT = 200;
const MAX_PATH = 300;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shortString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** A peer's awareness state as we will use it, or null if it is not one of ours / malformed. */
export function readPresence(value: unknown): PresenceState | null {
  if (!isRecord(value) || !isRecord(value.user)) return null;
  const { name, role, colour } = value.user;
  if (!shortString(name, MAX_TEXT) || !name.trim() || !shortString(role, MAX_TEXT)) return null;
  const safeColour = typeof colour === 'string' && (PRESENCE_COLOURS as readonly string[]).includes(colour) ? colour : presenceColour(name, role);
  const meetingPeerId = shortString(value.meetingPeerId, 100) ? value.meetingPeerId : '';
  const focus = shortString(value.focus, MAX_PATH) ? value.focus : null;
  const viewing = shortString(value.viewing, 100) ? value.viewing : null;
  let caret: CaretState | null = null;
  if (isRecord(value.caret) && shortString(value.caret.fieldPath, MAX_PATH) && isRecord(value.caret.anchor) && isRecord(value.caret.head)) {
    caret = { fieldPath: value.caret.fieldPath, anchor: value.caret.anchor, head: value.caret.head };
  }
  return { user: { name: name.trim(), role: role.trim(), colour: safeColour }, meetingPeerId, focus, caret, viewing, chair: value.chair === true };
}
