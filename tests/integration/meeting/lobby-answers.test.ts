import { WebSocket as NodeWebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/services/create-handlers';
import { dispatchCall } from '../../../main/services/dispatch-call';
import { MeetingAdmission } from '../../../main/sync/meeting-admission';
import { startSignalingServer, type SignalingServer } from '../../../main/sync/signaling-server';
import { createCareClient } from '../../../renderer/api/create-care-client';
import { getActiveMeeting, setActiveMeeting } from '../../../renderer/sync/meeting/active-meeting';
import { joinMeeting } from '../../../renderer/sync/meeting/join-meeting';
import { askLobby, LobbyResponder } from '../../../renderer/sync/meeting/meeting-lobby';
import { signalingKeyFor } from '../../../renderer/sync/meeting/signaling-auth';
import { openTestStore, tempDataDir, testActor } from '../../support/temp-store';
import { sessionKeysFor } from '../../unit/sync/support/identified-participant';

// The lobby code runs in Chromium; here Node's `ws` stands in for the browser's WebSocket.
const openSocket = (url: string) => new NodeWebSocket(url) as unknown as WebSocket;
const CODE = 'K7QX-MRT3-A9HW';
const JILL = { planId: '6f1c2d3e-4a5b-4c6d-8e7f-901234567890', planName: 'Jill Marsh' };
const AMIR = { planId: '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', planName: 'Amir Hassan' };

let server: SignalingServer;
const responders: LobbyResponder[] = [];

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
  const admission = new MeetingAdmission();
  admission.register({ key: await signalingKeyFor(CODE), chairKey: null });
  server = await startSignalingServer({ host: '127.0.0.1', port: 0, admission });
});

afterAll(async () => {
  for (const responder of responders) responder.stop();
  await server.close();
});

async function respond(answer: { planId: string; planName: string }, name: string): Promise<LobbyResponder> {
  const responder = new LobbyResponder(server.url, CODE, () => answer, sessionKeysFor(name, 'GP'), openSocket);
  responders.push(responder);
  await responder.start();
  return responder;
}

describe('the lobby: answers collected, bound to the code and the answerer’s key', () => {
  it('one answer: found, with the answerer’s name from their certified key', async () => {
    const priya = await respond(JILL, 'Priya Nair');
    const result = await askLobby(server.url, CODE, 8_000, openSocket, 400);
    expect(result).toEqual({ kind: 'found', ...JILL, answeredBy: ['Priya Nair'] });
    priya.stop();
  });

  it('two answers naming different plans are refused with both named; nothing is chosen', async () => {
    const priya = await respond(JILL, 'Priya Nair');
    const mallory = await respond(AMIR, 'Mallory');
    const result = await askLobby(server.url, CODE, 8_000, openSocket, 600);
    expect(result.kind).toBe('disagree');
    if (result.kind === 'disagree') expect(result.answers.map((answer) => answer.planId).sort()).toEqual([JILL.planId, AMIR.planId].sort());
    priya.stop();
    mallory.stop();
  });

  it('a plan already on this machine opens nothing without the user confirming it; confirmed, it joins', async () => {
    const store = openTestStore(tempDataDir('lobby-known-plan'));
    const handlers = createHandlers(store, { version: 'test' });
    const api = createCareClient((call, input) => dispatchCall(handlers, call, input));
    await api.saveProfile(testActor);
    await api.createPlan({ displayName: 'Jill Marsh', planId: JILL.planId });
    const priya = await respond(JILL, 'Priya Nair');
    setActiveMeeting(null);
    const address = server.url.replace('ws://', '');
    const first = await joinMeeting(api, address, CODE, testActor, undefined, { lobbyMs: 8_000, receiveMs: 5_000 });
    expect(first).toMatchObject({ kind: 'confirm', planId: JILL.planId, planName: 'Jill Marsh', answeredBy: ['Priya Nair'] });
    expect(getActiveMeeting()).toBeNull();

    const confirmed = await joinMeeting(api, address, CODE, testActor, undefined, { lobbyMs: 8_000, receiveMs: 5_000 }, { confirmedPlanId: JILL.planId });
    expect(confirmed).toMatchObject({ kind: 'joined', planId: JILL.planId, received: false });
    expect(getActiveMeeting()?.planId).toBe(JILL.planId);
    setActiveMeeting(null);
    priya.stop();
    store.close();
  });
});
