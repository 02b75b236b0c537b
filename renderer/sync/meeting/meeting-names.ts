import { normaliseMeetingCode } from './meeting-code';

/**
 * Names that appear on the signaling server. They are SHA-256 hashes, so the server (and
 * anyone watching the LAN) sees neither the plan id, the code, nor anybody's name.
 */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The y-webrtc room for one plan in one meeting. Both the plan and the code go in: the same
 * plan discussed in another meeting (another code) is another room, and the room name
 * cannot be linked to the plan without the code.
 */
export async function meetingRoomName(planId: string, code: string): Promise<string> {
  return `carehouse-room-${await sha256Hex(`carehouse/meeting-room/v1\n${planId.toLowerCase()}\n${normaliseMeetingCode(code)}`)}`;
}

/**
 * Where a newcomer asks "which plan is this meeting about?": derived from the code alone,
 * because the newcomer does not know the plan yet (see meeting-lobby.ts).
 */
export async function meetingLobbyTopic(code: string): Promise<string> {
  return `carehouse-lobby-${await sha256Hex(`carehouse/meeting-lobby/v1\n${normaliseMeetingCode(code)}`)}`;
}
