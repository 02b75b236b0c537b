import type { HistoryGroup } from '../../shared/contract';
import * as Y from 'yjs';
import type { AuditEvent } from '../store/audit-log';

/** Edits further apart than this start a new entry, even by the same person in the same field. */
export const HISTORY_GROUP_GAP_MS = 5 * 60 * 1000;

/** What makes two neighbouring edits "the same change": one person, one field (else one section). */
export function groupKey(event: AuditEvent): string | null {
  if (event.action !== 'edit') return null;
  const where = event.fields.length === 1 ? `field:${event.fields[0]}` : event.fields.length === 0 && event.sections.length === 1 ? `section:${event.sections[0]}` : null;
  if (where === null) return null;
  return JSON.stringify([event.origin, event.actor.name, event.actor.role, event.actor.organisation, event.actor.peerId ?? '', event.actor.verifiedKey ?? '', event.actor.signedBy ?? '', where]);
}

/** A group being built from raw rows read newest first. */
export interface OpenGroup {
  key: string | null;
  newest: AuditEvent;
  oldest: AuditEvent;
  count: number;
  /** Some row of the entry removed something (deleted text, an item, a value). */
  removes: boolean;
}

/**
 * Whether a change removed something: its update deletes (a removed item is a changed
 * `removedAt`, deleted text is deleted characters). Read from the kept update bytes.
 */
export function removesSomething(event: AuditEvent): boolean {
  const update = event.detail?.update;
  if (event.seq === null || update === undefined || event.action === 'create-plan') return false;
  return Y.decodeUpdate(Buffer.from(update, 'base64')).ds.clients.size > 0;
}

/** True when `older` (read next, newest first) continues `group`. */
export function continues(group: OpenGroup, older: AuditEvent): boolean {
  if (group.key === null || groupKey(older) !== group.key) return false;
  return Date.parse(group.oldest.at) - Date.parse(older.at) <= HISTORY_GROUP_GAP_MS;
}

export function openGroup(event: AuditEvent): OpenGroup {
  return { key: groupKey(event), newest: event, oldest: event, count: 1, removes: removesSomething(event) };
}

/**
 * The one field an edit changed; or, when it changed several fields of one item (adding an
 * action writes all of its fields), that item; else null.
 */
function commonPath(fields: readonly string[]): string | null {
  const [first, ...rest] = fields;
  if (first === undefined) return null;
  if (rest.length === 0) return first;
  const item = first.split('.').slice(0, 2).join('.');
  return item.includes('.') && fields.every((path) => path === item || path.startsWith(`${item}.`)) ? item : null;
}

export function toHistoryGroup(group: OpenGroup, titleOf: (key: string) => string, fieldWords: (path: string) => string | null): HistoryGroup {
  const { newest } = group;
  const field = newest.action === 'edit' ? fieldWords(commonPath(newest.fields) ?? '') : null;
  return {
    id: newest.id,
    firstId: group.oldest.id,
    removes: group.removes,
    ...(newest.detail?.reversed ? { reversed: newest.detail.reversed } : {}),
    firstAt: group.oldest.at,
    lastAt: newest.at,
    count: group.count,
    action: newest.action,
    origin: newest.origin,
    sections: newest.sections.map((key) => ({ key, title: titleOf(key) })),
    field,
    actorName: newest.actor.name,
    actorRole: newest.actor.role,
    actorOrganisation: newest.actor.organisation,
    ...(newest.detail?.recipient ? { recipient: newest.detail.recipient } : {}),
    // Edits are grouped only with edits of the same verification, so the newest speaks for all.
    ...(newest.actor.verifiedKey ? { verifiedKey: newest.actor.verifiedKey, signedBy: newest.actor.signedBy ?? 'deliverer' } : {}),
  };
}
