/**
 * The options every meeting's WebrtcProvider is built with. Kept in one pure function so
 * a unit test can assert what is (and is not) passed to y-webrtc.
 */
export interface MeetingProviderOptions {
  /** Exactly one server: the meeting host's. Never y-webrtc's public defaults. */
  signaling: string[];
  /** The meeting code: y-webrtc derives an AES key from it and encrypts all signaling. */
  password: string;
  maxConns: number;
  filterBcConns: boolean;
  peerOpts: { config: { iceServers: never[] } };
}

/**
 * y-webrtc's default is 20 + random(0..15) connections: a 30-person meeting would not be a
 * full mesh and updates would hop through relays. 40 gives every participant a direct
 * connection to every other in the largest meeting we plan for (30 laptops + the screen).
 */
export const MEETING_MAX_CONNS = 40;

/** The library's public servers, past and present: none may ever reach a provider. */
export const Y_WEBRTC_PUBLIC_SIGNALING = [
  'wss://y-webrtc-eu.fly.dev',
  'wss://signaling.yjs.dev',
  'wss://y-webrtc-signaling-eu.herokuapp.com',
  'wss://y-webrtc-signaling-us.herokuapp.com',
] as const;

export function meetingProviderOptions(signalingUrl: string, code: string): MeetingProviderOptions {
  if (!/^wss?:\/\//.test(signalingUrl)) throw new Error('The meeting address must be a ws:// or wss:// URL.');
  if ((Y_WEBRTC_PUBLIC_SIGNALING as readonly string[]).some((server) => signalingUrl.startsWith(server))) {
    throw new Error('Public signaling servers are never used for CareHouse meetings.');
  }
  if (!code) throw new Error('A meeting needs a code.');
  return {
    signaling: [signalingUrl],
    password: code,
    maxConns: MEETING_MAX_CONNS,
    // BroadcastChannel is switched off for meetings (see meeting-session.ts): every peer,
    // even another window on this machine, must come through the checked WebRTC path,
    // so none may be filtered out of WebRTC for being reachable over BroadcastChannel.
    filterBcConns: false,
    // On one LAN, host candidates suffice; no STUN/TURN server is contacted, ever.
    peerOpts: { config: { iceServers: [] } },
  };
}
