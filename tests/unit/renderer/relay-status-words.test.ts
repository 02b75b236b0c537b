import { describe, expect, it } from 'vitest';
import { relayStatusText, sinceInWords } from '../../../renderer/views/practice-server/relay-status-line';

/** The status line's words, exactly as the issue asks for them. */
describe('relay status line', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  it('says when the plan last synced, in words', () => {
    expect(relayStatusText({ state: 'online', relayUrl: 'wss://relay', lastSyncedAt: '2026-11-30T09:58:00Z' }, now)).toBe(
      'Saved here · synced with the practice server 2 minutes ago',
    );
    expect(sinceInWords('2026-11-30T09:59:50Z', now)).toBe('just now');
    expect(sinceInWords('2026-11-30T07:00:00Z', now)).toBe('3 hours ago');
    expect(sinceInWords('2026-11-28T10:00:00Z', now)).toBe('2 days ago');
  });

  it('says offline plainly, and nothing when the machine has no practice server', () => {
    expect(relayStatusText({ state: 'offline', relayUrl: 'wss://relay', lastSyncedAt: null }, now)).toBe('Saved here · offline — will sync');
    expect(relayStatusText({ state: 'not-connected', relayUrl: null, lastSyncedAt: null }, now)).toBeNull();
  });
});
