/**
 * The personal data the end-to-end scenarios type (made-up people). Specs should take
 * their names, NHS numbers and sentences from here, so zz-logs-no-personal-data knows
 * exactly what must never appear in a log or in plaintext in a data folder.
 */
export const jillMarsh = {
  firstName: 'Jill',
  familyName: 'Marsh',
  fullName: 'Jill Marsh',
  nhsNumber: '999 526 0182',
  whatMatters: 'I want to stay in my own home and keep going to my Tuesday lunch club.',
} as const;

export const staffProfiles = {
  priya: { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' },
  tom: { name: 'Tom Reid', role: 'Practice nurse', organisation: 'Headingley Medical Centre' },
} as const;

/** Searched for, as UTF-8 and UTF-16LE, in every log and database file of the run. */
export const personalDataNeedles: readonly string[] = [
  jillMarsh.fullName,
  jillMarsh.nhsNumber,
  jillMarsh.nhsNumber.replace(/ /g, ''),
  jillMarsh.whatMatters,
  'Tuesday lunch club',
  staffProfiles.priya.name,
  staffProfiles.tom.name,
];
