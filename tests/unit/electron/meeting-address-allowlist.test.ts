import { describe, expect, it } from 'vitest';
import { meetingAddressUrlSchema } from '../../../shared/contract';
import { MeetingAddressAllowlist, originOf } from '../../../main/services/meeting-address-allowlist';

describe('WebSockets only to the meeting addresses in use (issue 12)', () => {
  it('refuses every address until it is announced; then that address only, whatever the path', () => {
    const allowlist = new MeetingAddressAllowlist();
    expect(allowlist.allows('ws://192.168.1.20:4444/')).toBe(false);
    allowlist.allow('ws://192.168.1.20:4444');
    expect(allowlist.allows('ws://192.168.1.20:4444/')).toBe(true);
    expect(allowlist.allows('ws://192.168.1.20:4444/some-room')).toBe(true);
    expect(allowlist.allows('ws://192.168.1.20:4445/')).toBe(false);
    expect(allowlist.allows('wss://192.168.1.20:4444/')).toBe(false);
    expect(allowlist.allows('ws://evil.example:4444/')).toBe(false);
    expect(allowlist.allows('ws://user:pw@192.168.1.20:4444/')).toBe(false);
    expect(allowlist.allows('https://192.168.1.20:4444/')).toBe(false);
  });

  it('allows the meeting this machine hosts only while it is hosted', () => {
    let hosted: string[] = ['ws://10.0.0.5:4444'];
    const allowlist = new MeetingAddressAllowlist(() => hosted);
    expect(allowlist.allows('ws://10.0.0.5:4444/')).toBe(true);
    hosted = [];
    expect(allowlist.allows('ws://10.0.0.5:4444/')).toBe(false);
  });

  it('the contract accepts only ws(s)://host:port from the renderer', () => {
    expect(meetingAddressUrlSchema.safeParse('ws://192.168.1.20:4444').success).toBe(true);
    expect(meetingAddressUrlSchema.safeParse('wss://[fe80::1]:4444').success).toBe(true);
    for (const bad of ['http://192.168.1.20:4444', 'ws://192.168.1.20', 'ws://a@b:4444', 'ws://host:4444/path', 'ws:// host:4444']) {
      expect(meetingAddressUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(originOf('WS://Host.Local:4444/x')).toBe('ws://host.local:4444');
  });
});
