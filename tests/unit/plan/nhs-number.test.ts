import { describe, expect, it } from 'vitest';
import { formatNhsNumber, validateNhsNumber } from '../../../shared/plan';

describe('NHS number', () => {
  it('accepts a valid number typed with spaces, and without', () => {
    expect(validateNhsNumber('999 526 0182')).toBeNull();
    expect(validateNhsNumber('9995260182')).toBeNull();
  });

  it('accepts the other scenario numbers', () => {
    expect(validateNhsNumber('999 159 0838')).toBeNull();
    expect(validateNhsNumber('999 016 6137')).toBeNull();
  });

  it('rejects a wrong check digit with a clear message', () => {
    expect(validateNhsNumber('999 526 0183')).toMatch(/not a valid NHS number: the last digit does not match/);
  });

  it('rejects nine digits whose check digit would be 10', () => {
    expect(validateNhsNumber('999 123 4561')).toMatch(/no NHS number begins with these nine digits/);
  });

  it('explains the wrong length and stray characters', () => {
    expect(validateNhsNumber('999 526 018')).toBe('An NHS number has 10 digits; this one has 9');
    expect(validateNhsNumber('999-526-0182')).toMatch(/10 digits \(spaces are fine\)/);
    expect(validateNhsNumber('')).toMatch(/10 digits/);
  });

  it('formats as 3-3-4', () => {
    expect(formatNhsNumber('9995260182')).toBe('999 526 0182');
  });
});
