/**
 * The meeting code: read out loud across a room and typed on a laptop, so it leaves out
 * characters people confuse (0/O, 1/I/L, 2/Z, 5/S, U/V) and comes in groups of four.
 * 12 characters from 25 symbols is ~55 bits. It is also the y-webrtc password (PBKDF2 with
 * 100,000 rounds), so guessing it during a meeting is out of reach.
 */
export const MEETING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRTWXY346789';
const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_LENGTH = GROUPS * GROUP_LENGTH;

type RandomFill = (bytes: Uint8Array) => Uint8Array;

/** A fresh code like "K7QX-3MRT-A9HW" from WebCrypto; rejection sampling keeps every symbol equally likely. */
export function generateMeetingCode(random: RandomFill = (bytes) => crypto.getRandomValues(bytes)): string {
  const alphabet = MEETING_CODE_ALPHABET;
  const limit = 256 - (256 % alphabet.length);
  let compact = '';
  while (compact.length < CODE_LENGTH) {
    for (const byte of random(new Uint8Array(32))) {
      if (byte < limit && compact.length < CODE_LENGTH) compact += alphabet.charAt(byte % alphabet.length);
    }
  }
  return formatMeetingCode(compact);
}

/** What is compared and hashed: upper case, without the spaces or dashes people type. */
export function normaliseMeetingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** "K7QXMRT3A9HW" -> "K7QX-MRT3-A9HW". */
export function formatMeetingCode(typed: string): string {
  const compact = normaliseMeetingCode(typed);
  const groups: string[] = [];
  for (let index = 0; index < compact.length; index += GROUP_LENGTH) groups.push(compact.slice(index, index + GROUP_LENGTH));
  return groups.join('-');
}

/** A plain-language problem with a typed code, or null if it could be a meeting code. */
export function meetingCodeProblem(typed: string): string | null {
  const compact = normaliseMeetingCode(typed);
  if (compact.length === 0) return 'Type the meeting code the host reads out.';
  if (compact.length !== CODE_LENGTH) return `A meeting code has ${CODE_LENGTH} letters and numbers, like K7QX-MRT3-A9HW.`;
  if ([...compact].some((char) => !MEETING_CODE_ALPHABET.includes(char))) {
    return 'That code has a character meeting codes never use (such as O, 0, I or 1). Check the code with the host.';
  }
  return null;
}
