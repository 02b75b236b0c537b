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

/** Jill's whole plan as plan-jill-by-label types it (from shared/scenarios/jill-copd-at-home.md). */
export const jillPlan = {
  person: { dateOfBirth: '1944-03-02', postcode: 'LS6 2QT', gpPracticeName: 'Headingley Medical Centre', invalidNhsNumber: '999 526 0183' },
  aboutMe: {
    goodDays: 'I get to lunch club on Tuesday and manage at home on my own.',
    badDays: 'My chest gets bad and I am more breathless than usual. I am scared of falling.',
    howToSupport: 'Phone me in the mornings.',
    selfManagement: 'Using my inhalers properly and knowing when to start my rescue pack.',
  },
  strength: 'Goes to a lunch club every Tuesday',
  need: 'Scared of falling at home; lives alone',
  professionals: [
    { name: 'Dr Amina Shah', role: 'GP', phone: '0113 496 0100' },
    { name: 'Tom Reid', role: 'Practice nurse', phone: '0113 496 0100' },
    { name: 'Priya Nair', role: 'Social worker', phone: '0113 222 4400', keyworker: true },
    { name: 'Sam Okoro', role: 'Occupational therapist', phone: '' },
    { name: 'Helen Wood', role: 'Community pharmacist', phone: '' },
  ],
  carer: { name: 'Karen Marsh', relationship: 'Daughter', phone: '07700 900123' },
  goals: [
    { words: 'Get to lunch club every Tuesday without being exhausted', importance: '9', measure: 'Gets to lunch club each Tuesday and is not exhausted' },
    { words: 'Feel safe moving around my house', importance: '10', measure: 'Rails and a perching stool fitted, and no falls' },
    { words: 'Know what to do when my chest gets bad', importance: '8', measure: 'Can explain her plan and has her rescue pack at home' },
  ],
  /** owner is the label in the "Who will do it" list; dueInDays from today; goal is an index into goals. */
  actions: [
    { what: 'OT home visit to fit rails and a perching stool', owner: 'Sam Okoro (Occupational therapist)', dueInDays: 14, goal: 1 },
    { what: 'Inhaler technique review and rescue pack', owner: 'Helen Wood (Community pharmacist)', dueInDays: 7, goal: 2 },
    { what: "Carer's assessment for Karen", owner: 'Priya Nair (Social worker)', dueInDays: 28, goal: 1 },
    { what: 'Arrange community transport to lunch club on Tuesdays', owner: 'Priya Nair (Social worker)', dueInDays: 21, goal: 0, foundation: true },
    { what: 'Refer to a falls-prevention exercise class', owner: 'Tom Reid (Practice nurse)', dueInDays: 30, goal: 1 },
    { what: 'Try the lunch club taxi once and say how it went', owner: 'Jill Marsh (the person)', dueInDays: 35, goal: 0 },
  ],
  contingency: {
    name: 'If my chest gets bad',
    triggers: ['More breathless than usual', 'Green or yellow phlegm', 'Fever'],
    whatShouldHappen: 'Start the rescue pack. Call the practice in hours, or NHS 111 out of hours.',
  },
  doNotShare: { who: 'Her neighbour', reason: 'Jill asked that her neighbour is not told about her plan.' },
  reviewInDays: 90,
} as const;

export const staffProfiles = {
  priya: { name: 'Priya Nair', role: 'Social worker', organisation: 'Leeds City Council' },
  tom: { name: 'Tom Reid', role: 'Practice nurse', organisation: 'Headingley Medical Centre' },
} as const;

/** What the live-meeting specs type (tests/e2e/meeting-*.spec.ts). */
export const meetingSamples = {
  karen: { name: 'Karen Lowe', role: 'District nurse', organisation: 'Leeds Community Healthcare' },
  typedByPriya: 'Priya: Jill wants to stay at home.',
  typedByTom: 'Tom: lunch club on Tuesdays helps her breathing.',
  offlinePreferredName: 'Jilly',
  whileApartFamilyName: 'Marsh-Lowe',
} as const;

/** What the Okonkwo family conference spec types (tests/e2e/meeting-okonkwo-conference.spec.ts). */
export const okonkwoConference = {
  chair: { name: 'Sarah Bennett', role: 'Health visitor', organisation: 'Bristol Community Health' },
  familyLaptop: { name: 'Ada Okonkwo', role: 'Sister', organisation: 'Okonkwo family' },
  privateNotes: 'Ada will walk Daniel to school on Mondays and Tuesdays; Grace sees Rachel on Thursdays while Ada minds Samuel.',
  adHoc: { name: 'Femi Adeyemi', role: 'Interpreter', organisation: 'Bristol Interpreting Service' },
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
  jillPlan.aboutMe.goodDays,
  jillPlan.aboutMe.badDays,
  jillPlan.aboutMe.selfManagement,
  jillPlan.need,
  jillPlan.carer.name,
  jillPlan.carer.phone,
  jillPlan.doNotShare.reason,
  jillPlan.contingency.whatShouldHappen,
  ...jillPlan.goals.map((goal) => goal.words),
  ...jillPlan.professionals.map((professional) => professional.name),
  meetingSamples.karen.name,
  meetingSamples.typedByPriya,
  meetingSamples.typedByTom,
  meetingSamples.whileApartFamilyName,
  okonkwoConference.privateNotes,
];
