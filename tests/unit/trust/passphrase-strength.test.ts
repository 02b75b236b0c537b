import { describe, expect, it } from 'vitest';
import { assessPassphrase } from '../../../main/store/passphrase-strength';

describe('passphrase strength check, with a plain explanation', () => {
  it.each([
    ['short', /at least 12 characters \(this one has 5\)/],
    ['password1234', /one of the first passphrases anyone would try/],
    ['Pass Phrase!', /one of the first passphrases anyone would try/],
    ['aaaaaaaaaaaaaaaa', /repeated or keyboard pattern/],
    ['abcabcabcabcabc', /repeated or keyboard pattern/],
    ['qwertyuiop12', /one of the first|repeated or keyboard pattern/],
    ['abcdefghijklmnop', /repeated or keyboard pattern/],
    ['1234567890123', /repeated or keyboard pattern/],
  ])('refuses %j and says why', (passphrase, why) => {
    const result = assessPassphrase(passphrase);
    expect(result.ok).toBe(false);
    expect(result.explanation).toMatch(why);
    // Every refusal says what to do instead.
    expect(result.explanation).toContain('Three or four ordinary words');
  });

  it.each(['kettle harbour violet pencil', 'correct horse battery staple', 'a much longer new passphrase 2026', 'Tuesday lunch club at 12!'])(
    'accepts %j',
    (passphrase) => {
      expect(assessPassphrase(passphrase)).toEqual({ ok: true, explanation: '' });
    },
  );
});
