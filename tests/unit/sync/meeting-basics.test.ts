import { describe, expect, it } from 'vitest';
import { formatMeetingCode, generateMeetingCode, MEETING_CODE_ALPHABET, meetingCodeProblem, normaliseMeetingCode } from '../../../renderer/sync/meeting/meeting-code';
import { parseMeetingAddress } from '../../../renderer/sync/meeting/meeting-address';
import { meetingLobbyTopic, meetingRoomName } from '../../../renderer/sync/meeting/meeting-names';
import { MEETING_MAX_CONNS, meetingProviderOptions, Y_WEBRTC_PUBLIC_SIGNALING } from '../../../renderer/sync/meeting/meeting-provider-options';
import { deriveLobbyKey, openJson, sealJson } from '../../../renderer/sync/meeting/lobby-crypto';
import { presenceColour, readPresence } from '../../../renderer/sync/meeting/presence-state';

const planId = '6f1c2a57-3a4b-4c5d-8e9f-0a1b2c3d4e5f';

describe('the options every meeting provider gets', () => {
  const options = meetingProviderOptions('ws://192.168.1.20:4444', 'K7QX-MRT3-A9HW');

  it('names exactly our signaling server and never a public default', () => {
    expect(options.signaling).toEqual(['ws://192.168.1.20:4444']);
    const everything = JSON.stringify(options);
    for (const server of Y_WEBRTC_PUBLIC_SIGNALING) expect(everything).not.toContain(server);
    expect(everything).not.toMatch(/fly\.dev|yjs\.dev|herokuapp/);
    expect(() => meetingProviderOptions('wss://y-webrtc-eu.fly.dev', 'K7QX-MRT3-A9HW')).toThrow(/never used/);
    expect(() => meetingProviderOptions('https://example.org', 'K7QX-MRT3-A9HW')).toThrow();
  });

  it('uses the code as the password, room for 30 laptops and the screen, and no ICE servers', () => {
    expect(options.password).toBe('K7QX-MRT3-A9HW');
    expect(options.maxConns).toBe(MEETING_MAX_CONNS);
    expect(options.maxConns).toBeGreaterThanOrEqual(31);
    expect(options.peerOpts).toEqual({ config: { iceServers: [] } });
    expect(options.filterBcConns).toBe(false);
  });
});

describe('meeting codes', () => {
  it('are three groups of four unambiguous characters, from WebCrypto', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = generateMeetingCode();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect([...normaliseMeetingCode(code)].every((char) => MEETING_CODE_ALPHABET.includes(char))).toBe(true);
      expect(meetingCodeProblem(code)).toBeNull();
    }
    expect(MEETING_CODE_ALPHABET).not.toMatch(/[01OILSZ25UV]/);
  });

  it('accept what people type (lower case, spaces) and explain what is wrong', () => {
    expect(formatMeetingCode('k7qx mrt3 a9hw')).toBe('K7QX-MRT3-A9HW');
    expect(meetingCodeProblem('')).toMatch(/Type the meeting code/);
    expect(meetingCodeProblem('K7QX-MRT3')).toMatch(/12 letters and numbers/);
    expect(meetingCodeProblem('K7QX-MRT3-A9H0')).toMatch(/never use/);
  });
});

describe('meeting addresses', () => {
  it('take "address:port" or a ws URL', () => {
    expect(parseMeetingAddress('192.168.1.20:4444')).toEqual({ ok: true, url: 'ws://192.168.1.20:4444', display: '192.168.1.20:4444' });
    expect(parseMeetingAddress(' 192.168.1.20 ')).toMatchObject({ ok: true, url: 'ws://192.168.1.20:4444' });
    expect(parseMeetingAddress('ws://127.0.0.1:5000')).toMatchObject({ ok: true, url: 'ws://127.0.0.1:5000' });
    expect(parseMeetingAddress('http://127.0.0.1:5000').ok).toBe(false);
    expect(parseMeetingAddress('ws://127.0.0.1:5000/path?x=1').ok).toBe(false);
    expect(parseMeetingAddress('').ok).toBe(false);
  });
});

describe('names on the signaling server', () => {
  it('are SHA-256 hashes: of plan and code for the room, of the code alone for the lobby', async () => {
    const room = await meetingRoomName(planId, 'K7QX-MRT3-A9HW');
    expect(room).toMatch(/^carehouse-room-[0-9a-f]{64}$/);
    expect(room.length).toBeLessThanOrEqual(128);
    expect(room).not.toContain(planId.slice(0, 8));
    expect(await meetingRoomName(planId, 'k7qx mrt3 a9hw')).toBe(room);
    expect(await meetingRoomName(planId, 'K7QX-MRT3-A9HX')).not.toBe(room);
    expect(await meetingRoomName('7a2d3b68-4b5c-4d6e-9fa0-1b2c3d4e5f60', 'K7QX-MRT3-A9HW')).not.toBe(room);
    const lobby = await meetingLobbyTopic('K7QX-MRT3-A9HW');
    expect(lobby).toMatch(/^carehouse-lobby-[0-9a-f]{64}$/);
    expect(lobby).not.toBe(room);
  });

  it('lobby messages open only with the same code', async () => {
    const key = await deriveLobbyKey('K7QX-MRT3-A9HW');
    const sealed = await sealJson(key, { kind: 'here', planId });
    expect(sealed).not.toContain(planId);
    expect(await openJson(key, sealed)).toEqual({ kind: 'here', planId });
    expect(await openJson(await deriveLobbyKey('K7QX-MRT3-A9HX'), sealed)).toBeNull();
    expect(await openJson(key, 'not sealed')).toBeNull();
  });
});

describe('presence', () => {
  it('reads a peer state defensively and keeps colours from our palette', () => {
    expect(readPresence(null)).toBeNull();
    expect(readPresence({ user: { name: '', role: 'x' } })).toBeNull();
    const state = readPresence({ user: { name: 'Tom Reid', role: 'Practice nurse', colour: 'url(javascript:alert(1))' }, focus: 'x'.repeat(1000), chair: 'yes' });
    expect(state?.user.colour).toBe(presenceColour('Tom Reid', 'Practice nurse'));
    expect(state?.focus).toBeNull();
    expect(state?.chair).toBe(false);
  });
});
