/**
 * PDF's built-in Helvetica only has the WinAnsi character set. Text outside it would come
 * out as garbage, so we spell accented letters without the accent where we can (so the
 * name stays searchable) and use '?' only for what has no Latin form.
 */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || char === '\n' || WIN_ANSI_EXTRAS.has(char);
}

/** Letters with no Unicode decomposition to a base letter, spelled as people would type them. */
const PLAIN_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    if (char === '\t') {
      out += ' ';
      continue;
    }
    const plain = (PLAIN_LETTERS[char] ?? char).normalize('NFKD').replace(/\p{M}/gu, '');
    out += [...plain].every(isWinAnsi) && plain !== '' ? plain : '?';
  }
  return out;
}
