import { describe, expect, it } from 'vitest';
import { collectionSections, recordSections, type FieldSpecs } from '../../../shared/plan';
import { choiceLabel, hasChoiceLabel } from '../../../renderer/views/fields/choice-labels';
import { fieldLabel } from '../../../renderer/views/fields/field-labels';
import { isFieldShown } from '../../../renderer/views/fields/field-visibility';
import { parseWholeNumber } from '../../../renderer/views/fields/parse-whole-number';
import { reviewStatus } from '../../../renderer/views/review-status';

function everyChoiceValue(fields: FieldSpecs, into: Set<string>): Set<string> {
  for (const spec of Object.values(fields)) {
    if (spec.kind === 'choice') spec.values.forEach((value) => into.add(value));
    if (spec.kind === 'collection') everyChoiceValue(spec.fields, into);
  }
  return into;
}

describe('the words on the screen', () => {
  it('has plain words for every choice the plan can hold', () => {
    const values = new Set<string>();
    for (const fields of Object.values(recordSections)) everyChoiceValue(fields, values);
    for (const spec of Object.values(collectionSections)) everyChoiceValue(spec.fields, values);
    expect([...values].filter((value) => !hasChoiceLabel(value))).toEqual([]);
    expect(choiceLabel('lacksCapacityBestInterests')).toBe('The person lacks capacity: best-interests decision');
    expect(choiceLabel('someNewCode')).toBe('Some new code');
  });

  it("uses care-plan.md's names where they differ from the schema", () => {
    expect(fieldLabel('contingencyPlans[].triggers', 'Warning signs')).toBe('Trigger factors / early warning signs');
    expect(fieldLabel('professionalContacts[].isKeyworker', 'Keyworker')).toBe('Keyworker');
    expect(fieldLabel('person.nhsNumber', 'NHS number')).toBe('NHS number');
    expect(fieldLabel('aboutMe.whatMatters', 'What is most important to me')).toBe('What is most important to me');
  });

  it('shows keyworker dates only for the keyworker and family time only at a family group conference', () => {
    expect(isFieldShown('professionalContacts[].keyworkerFrom', { isKeyworker: false })).toBe(false);
    expect(isFieldShown('professionalContacts[].keyworkerFrom', { isKeyworker: true })).toBe(true);
    expect(isFieldShown('meetings[].privateFamilyTime', { type: 'mdt' })).toBe(false);
    // Private family time is typed only on the family's machine; the shared form shows it once shared.
    expect(isFieldShown('meetings[].privateFamilyTime', { type: 'familyGroupConference', privateFamilyTimeShared: false })).toBe(false);
    expect(isFieldShown('meetings[].privateFamilyTime', { type: 'familyGroupConference', privateFamilyTimeShared: true })).toBe(true);
    expect(isFieldShown('meetings[].privateFamilyTimeShared', { type: 'familyGroupConference' })).toBe(false);
    // Who agreed comes only from the Agree step, never from hand-edited fields.
    expect(isFieldShown('agreement.agreedWithName', {})).toBe(false);
    expect(isFieldShown('agreement.reviewDate', {})).toBe(true);
    expect(isFieldShown('goals[].words', {})).toBe(true);
  });

  it('reads whole numbers in range and explains anything else', () => {
    expect(parseWholeNumber('', 1, 10)).toEqual({ value: null });
    expect(parseWholeNumber(' 7 ', 1, 10)).toEqual({ value: 7 });
    expect(parseWholeNumber('11', 1, 10)).toEqual({ problem: '11 is outside 1 to 10' });
    expect(parseWholeNumber('7.5', 1, 10)).toEqual({ problem: 'type a whole number from 1 to 10' });
    expect(parseWholeNumber('ten', 1, 10)).toEqual({ problem: 'type a whole number from 1 to 10' });
  });

  it('marks a review Due within two weeks and Overdue once passed', () => {
    const today = new Date('2026-11-23T12:00:00Z');
    expect(reviewStatus('2026-11-22', today)).toBe('overdue');
    expect(reviewStatus('2026-11-23', today)).toBe('due');
    expect(reviewStatus('2026-12-07', today)).toBe('due');
    expect(reviewStatus('2026-12-08', today)).toBeNull();
    expect(reviewStatus('', today)).toBeNull();
  });
});
