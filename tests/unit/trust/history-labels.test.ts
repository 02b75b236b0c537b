import { describe, expect, it } from 'vitest';
import { describeChange, describeOrigin, formatWhen } from '../../../renderer/views/history/history-labels';

describe('History of changes wording', () => {
  it('says what changed in plain words, with section titles', () => {
    expect(describeChange({ action: 'edit', sections: [{ key: 'aboutMe', title: 'About me' }, { key: 'goals', title: 'Goals' }] })).toBe('Changed About me, Goals');
    expect(describeChange({ action: 'edit', sections: [] })).toBe('Changed the plan');
    expect(describeChange({ action: 'create-plan', sections: [] })).toBe('Created the plan');
    expect(describeChange({ action: 'agree-version', sections: [] })).toBe('agree version');
    expect(describeChange({ action: 'agree-plan', sections: [{ key: 'agreement', title: 'Agreement and review' }] })).toBe(
      'Agreed a version of the plan with the person: Agreement and review',
    );
    expect(describeChange({ action: 'export-plan pdf v1', sections: [] })).toBe('Exported agreed version 1 as the PDF for the person');
    expect(describeChange({ action: 'export-plan fhir draft legal-basis directCare', sections: [] })).toBe(
      'Exported the draft as FHIR R4 for other record systems without consent, on the legal basis of direct care',
    );
  });

  it('says where a change came from', () => {
    expect(describeOrigin({ origin: 'local' })).toBe('Made on this computer');
    expect(describeOrigin({ origin: 'peer' })).toBe('Received from another computer in a meeting');
    expect(describeOrigin({ origin: 'system' })).toBe('CareHouse itself');
  });

  it('formats times for people, and leaves an unreadable one as it is', () => {
    expect(formatWhen('2026-11-23T15:04:00.000Z')).toMatch(/23 Nov 2026/);
    expect(formatWhen('not a date')).toBe('not a date');
  });
});
