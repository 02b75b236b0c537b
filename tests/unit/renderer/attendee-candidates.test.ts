import { describe, expect, it } from 'vitest';
import { examplePlanSnapshot } from '../../../shared/plan';
import { attendeeCandidates, presentFirst } from '../../../renderer/views/meeting-record/attendee-candidates';

describe('attendees with one click', () => {
  it('offers the person, the care team, the family and whoever is present, once each, with role and organisation filled in', () => {
    const plan = examplePlanSnapshot('okonkwo', { today: '2026-12-14' });
    const meeting = { ...plan.meetings[0]!, attendees: [], apologies: [] };
    const present = [
      { name: 'Ada Okonkwo', role: 'Sister' },
      { name: 'Femi Adeyemi', role: 'Advocate' },
    ];
    const candidates = presentFirst(attendeeCandidates(plan, meeting, present));
    expect(candidates.slice(0, 2).map((candidate) => [candidate.name, candidate.source, candidate.present])).toEqual([
      ['Ada Okonkwo', 'family', true],
      ['Femi Adeyemi', 'present', true],
    ]);
    expect(candidates.find((candidate) => candidate.name === 'Kevin Doyle')).toMatchObject({ role: 'Housing officer', organisation: 'Bristol City Council', source: 'team', present: false });
    expect(candidates.find((candidate) => candidate.source === 'person')).toMatchObject({ name: 'Grace Okonkwo', role: 'The person' });
    expect(candidates.filter((candidate) => candidate.name === 'Ada Okonkwo')).toHaveLength(1);
  });

  it('leaves out people already listed as attending or sending apologies', () => {
    const plan = examplePlanSnapshot('okonkwo', { today: '2026-12-14' });
    const meeting = plan.meetings[0]!;
    const names = attendeeCandidates(plan, meeting, []).map((candidate) => candidate.name);
    expect(names).not.toContain('Kevin Doyle');
    expect(names).toContain('Daniel Okonkwo');
  });
});
