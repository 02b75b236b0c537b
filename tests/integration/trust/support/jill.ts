/** Jill's details (a made-up person) used by the trust tests: what must never be on disk in plaintext. */
export const jill = {
  firstName: 'Jill',
  familyName: 'Marsh',
  fullName: 'Jill Marsh',
  nhsNumber: '999 526 0182',
  whatMatters: 'I want to stay in my own home and keep going to my Tuesday lunch club',
} as const;

/** The staff member editing: audit actors are personal data too. */
export const editor = { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' } as const;
export const secondEditor = { name: 'Tom Reid', role: 'Practice nurse', organisation: 'Headingley Medical Centre' } as const;
