import { describe, expect, it } from 'vitest';
import type { AgreedVersionSummary } from '../../../shared/contract';
import { agreementWords, versionStatusOf, versionWords } from '../../../renderer/views/glance/version-status';

const hashOf = (digit: string) => digit.repeat(64);

function version(number: number, contentHash: string, overrides: Partial<AgreedVersionSummary> = {}): AgreedVersionSummary {
  return {
    version: number,
    agreedAt: `2026-12-${String(10 + number).padStart(2, '0')}T10:00:00.000Z`,
    contentHash,
    intact: true,
    agreedBy: { role: 'the person', name: 'Jill Marsh' },
    professionalsPresent: [{ name: 'Tom Reid', role: 'Practice nurse' }],
    recordedBy: null,
    othersAgreed: [{ name: 'Karen Marsh', relationship: 'Daughter' }],
    goingAhead: null,
    ...overrides,
  };
}

/** The house's agreement line and the glance's version line come only from real agreed versions (issue 9, item 6). */
describe('agreement status from real agreed versions', () => {
  it('the plan equal to the latest agreed version (same content hash) is agreed: version, date and with whom', () => {
    const status = versionStatusOf([version(1, hashOf('a')), version(2, hashOf('b'))], hashOf('b'));
    expect(status).toMatchObject({ kind: 'agreed', version: 2 });
    expect(agreementWords(status)).toBe('Agreed: version 2, 12 Dec 2026, with Jill Marsh (the person), Karen Marsh (Daughter)');
    expect(versionWords(status)).toBe('Agreed version 2 (12 Dec 2026)');
  });

  it('after a change the plan is not agreed: "changed since version N" (equal to an OLDER version does not count either)', () => {
    const changed = versionStatusOf([version(1, hashOf('a')), version(2, hashOf('b'))], hashOf('c'));
    expect(changed).toMatchObject({ kind: 'draft', lastAgreed: { version: 2 } });
    expect(agreementWords(changed)).toBe('Not agreed: changed since version 2 (12 Dec 2026)');
    expect(agreementWords(versionStatusOf([version(1, hashOf('a')), version(2, hashOf('b'))], hashOf('a')))).toBe('Not agreed: changed since version 2 (12 Dec 2026)');
  });

  it('a draft with no agreed version never says agreed, whatever its hash', () => {
    const draft = versionStatusOf([], hashOf('a'));
    expect(draft).toEqual({ kind: 'draft', lastAgreed: null });
    expect(agreementWords(draft)).toBe('Not agreed yet: this is a draft');
    expect(agreementWords(draft)).not.toMatch(/^Agreed/);
    expect(versionWords(draft)).toBe('DRAFT — not agreed');
  });

  it('a version that failed its integrity check never makes the plan agreed; unknown hash or versions are "checking"', () => {
    const tampered = versionStatusOf([version(1, hashOf('a'), { intact: false, agreedBy: null })], hashOf('a'));
    expect(tampered).toEqual({ kind: 'draft', lastAgreed: null });
    expect(versionStatusOf(null, hashOf('a'))).toEqual({ kind: 'loading' });
    expect(versionStatusOf([version(1, hashOf('a'))], undefined)).toEqual({ kind: 'loading' });
    // No Web Crypto (hash null): cannot prove equality, so never "agreed".
    expect(versionStatusOf([version(1, hashOf('a'))], null)).toMatchObject({ kind: 'draft' });
  });
});
