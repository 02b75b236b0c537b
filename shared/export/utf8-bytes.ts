/**
 * UTF-8 encoding written out by hand because shared/ must not lean on Node's Buffer or on
 * runtime globals; ICS folding counts octets and CSV needs bytes with a BOM.
 */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0xfffd;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Uint8Array.from(out);
}

/** Octets one character takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 octets). */
export function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0xfffd;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}
