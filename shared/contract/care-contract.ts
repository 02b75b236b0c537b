import type { z } from 'zod';
import type { CallDeclaration } from './define-call';
import { agreementCalls } from './agreement-calls';
import { connectionCalls } from './connection-calls';
import { demoCalls } from './demo-calls';
import { exportCalls } from './export-calls';
import { historyCalls } from './history-calls';
import { identityCalls } from './identity-calls';
import { integrityCalls } from './integrity-calls';
import { meetingCalls } from './meeting-calls';
import { meetingRecordCalls } from './meeting-record-calls';
import { myWorkCalls } from './my-work-calls';
import { planCalls } from './plan-calls';
import { profileCalls } from './profile-calls';
import { relayCalls } from './relay-calls';
import { sessionCalls } from './session-calls';

/**
 * THE contract: every call between renderer and main, in one object.
 * Add an area by declaring its calls in their own file and spreading them here.
 */
export const careContract = {
  ...planCalls,
  ...profileCalls,
  ...sessionCalls,
  ...historyCalls,
  ...meetingCalls,
  ...demoCalls,
  ...agreementCalls,
  ...exportCalls,
  ...meetingRecordCalls,
  ...myWorkCalls,
  ...identityCalls,
  ...relayCalls,
  ...integrityCalls,
  ...connectionCalls,
} as const satisfies Record<string, CallDeclaration>;

export type CareContract = typeof careContract;
export type CallName = keyof CareContract;
export type CallInput<N extends CallName> = z.input<CareContract[N]['input']>;
export type ParsedCallInput<N extends CallName> = z.output<CareContract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<CareContract[N]['output']>;

/** The typed API the renderer uses; every method is one contract call. */
export type CareApi = { [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>> };

/** Names of all calls: the preload allowlist and the host router use exactly this list. */
export const callNames = Object.freeze(Object.keys(careContract)) as readonly CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(careContract, name);
}
