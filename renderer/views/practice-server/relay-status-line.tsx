import { useEffect, useState } from 'react';
import type { RelayStatus } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';
import { KeepOnThisMachine } from './keep-on-this-machine';
import { RelayHeldRemovals } from './relay-held-removals';

const POLL_MS = 5_000;

/** "2 minutes ago", "just now": how long since the last sync, in words people read aloud. */
export function sinceInWords(at: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(at)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

export function relayStatusText(status: RelayStatus, now: number): string | null {
  switch (status.state) {
    case 'not-connected':
      return null;
    case 'syncing':
      return 'Saved here · syncing with the practice server…';
    case 'online':
      return `Saved here · synced with the practice server ${status.lastSyncedAt ? sinceInWords(status.lastSyncedAt, now) : 'just now'}`;
    case 'offline':
      return 'Saved here · offline — will sync';
    case 'refused':
      return 'Saved here · the practice server no longer accepts this machine — ask the practice for a new invitation';
  }
}

/**
 * One line under the save status: where the plan is besides this machine. Given the open
 * plan, also its "keep on this machine only" choice and any held change from the relay.
 */
export function RelayStatusLine({ planId }: { planId?: string }) {
  const api = useCareApi();
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const next = await api.getRelayStatus({});
        if (!stopped) {
          setStatus(next);
          setNow(Date.now());
        }
      } catch {
        // The save banner already says if main is unreachable.
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api]);
  const text = status ? relayStatusText(status, now) : null;
  if (!text || !status) return null;
  return (
    <>
      <p className={`relay-status relay-status--${status.state}`} role="status" aria-live="polite" data-relay-status={status.state}>
        {text}
      </p>
      {planId ? <KeepOnThisMachine planId={planId} /> : null}
      {planId ? <RelayHeldRemovals planId={planId} /> : null}
    </>
  );
}
