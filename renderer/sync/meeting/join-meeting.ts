import * as Y from 'yjs';
import { CareError, type CareApi } from '../../../shared/contract';
import { checkPlanDocShape, planSchemaVersion } from '../../../shared/plan';
import { encodeUpdate } from '../update-encoding';
import { setActiveMeeting } from './active-meeting';
import { formatMeetingCode, meetingCodeProblem } from './meeting-code';
import { askLobby } from './meeting-lobby';
import { MeetingSession } from './meeting-session';
import { parseMeetingAddress } from './meeting-address';

export type JoinOutcome =
  | { kind: 'joined'; planId: string; planName: string; received: boolean }
  | { kind: 'problem'; field?: 'address' | 'code'; message: string }
  /** The meeting names a plan already on this laptop: nothing is opened until the user confirms it is the right one. */
  | { kind: 'confirm'; planId: string; planName: string; personName: string; answeredBy: readonly string[] };

export interface JoinChoices {
  /** The plan open on this screen (joining from its Live meeting screen): no need to confirm it. */
  openPlanId?: string;
  /** The user confirmed this local plan after a 'confirm' outcome. */
  confirmedPlanId?: string;
}

export const WRONG_CODE_MESSAGE = 'No one in this meeting could be reached with that code. Check the code with the host.';

export interface JoinProgress {
  (step: 'asking' | 'receiving' | 'saving'): void;
}

/**
 * "Join meeting": find out which plan the meeting is about (lobby), and make sure this
 * machine has it before opening it. A plan it does not have is RECEIVED first — a meeting
 * session on a scratch document until a peer's whole state has passed the gate — and only
 * then stored (receiveMeetingPlan), because a locally initialised empty plan would compete
 * with the real one's fields (see docs/meetings.md).
 */
export async function joinMeeting(
  api: CareApi,
  typedAddress: string,
  typedCode: string,
  me: { name: string; role: string },
  progress: JoinProgress = () => undefined,
  timeouts = { lobbyMs: 10_000, receiveMs: 20_000 },
  choices: JoinChoices = {},
): Promise<JoinOutcome> {
  const address = parseMeetingAddress(typedAddress);
  if (!address.ok) return { kind: 'problem', field: 'address', message: address.problem };
  const codeProblem = meetingCodeProblem(typedCode);
  if (codeProblem) return { kind: 'problem', field: 'code', message: codeProblem };
  const code = formatMeetingCode(typedCode);

  progress('asking');
  // The desktop app opens WebSockets only to meeting addresses announced first (issue 12).
  await api.allowMeetingAddress({ url: address.url });
  const found = await askLobby(address.url, code, timeouts.lobbyMs);
  if (found.kind === 'unreachable') {
    return { kind: 'problem', field: 'address', message: `Could not reach a meeting at ${address.display}. Check the address with the host, and that this laptop is on the same network.` };
  }
  if (found.kind === 'no-answer') return { kind: 'problem', field: 'code', message: WRONG_CODE_MESSAGE };
  if (found.kind === 'disagree') {
    const named = found.answers.map((answer) => `“${answer.planName}” (from ${answer.answererName})`).join(' and ');
    return { kind: 'problem', field: 'code', message: `People in this meeting named different plans: ${named}. Nothing was opened. Ask the host which plan this meeting is about.` };
  }

  const plans = await api.listPlans({ includeArchived: true });
  const local = plans.find((plan) => plan.id === found.planId);
  // A plan already here is never opened (and synced into someone's room) on a lobby answer alone.
  if (local && local.id !== choices.openPlanId && local.id !== choices.confirmedPlanId) {
    return { kind: 'confirm', planId: local.id, planName: local.displayName, personName: local.personName, answeredBy: found.answeredBy };
  }
  let received = false;
  if (!local) {
    progress('receiving');
    const outcome = await receivePlan(api, address.url, code, found.planId, found.planName, me, timeouts.receiveMs, () => progress('saving'));
    if (outcome) return outcome;
    received = true;
  }
  setActiveMeeting({ planId: found.planId, planName: local?.displayName ?? found.planName, signalingUrl: address.url, address: address.display, code, hosting: false });
  return { kind: 'joined', planId: found.planId, planName: local?.displayName ?? found.planName, received };
}

async function receivePlan(
  api: CareApi,
  signalingUrl: string,
  code: string,
  planId: string,
  planName: string,
  me: { name: string; role: string },
  timeoutMs: number,
  saving: () => void,
): Promise<JoinOutcome | null> {
  const scratch = new Y.Doc();
  const session = await MeetingSession.start({
    doc: scratch,
    planId,
    planName: () => planName,
    signalingUrl,
    code,
    me,
    chair: false,
    answerLobby: false,
    certify: (sessionKey) => api.certifySessionKey({ sessionKey }),
  });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const from = session.getSnapshot().receivedFrom;
      if (from && planSchemaVersion(scratch) !== null && checkPlanDocShape(scratch).length === 0) {
        saving();
        await api.receiveMeetingPlan({
          planId,
          displayName: planName,
          state: encodeUpdate(Y.encodeStateAsUpdate(scratch)),
          origin: { kind: 'peer', peerId: from.peerId, peerName: from.peerName || 'Meeting participant', peerRole: from.peerRole },
        });
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { kind: 'problem', field: 'code', message: WRONG_CODE_MESSAGE };
  } catch (error) {
    return { kind: 'problem', message: error instanceof CareError ? error.message : 'The plan could not be received. Try joining again.' };
  } finally {
    await session.leave();
    scratch.destroy();
  }
}
