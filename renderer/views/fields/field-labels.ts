/**
 * Where the screen says something other than the schema's label, by field pattern
 * ('contingencyPlans[].triggers'): the names care-plan.md uses, which are the words users
 * look for. Everything else uses the schema label unchanged.
 */
const labelOverrides: Readonly<Record<string, string>> = {
  'contingencyPlans[].triggers': 'Trigger factors / early warning signs',
  'contingencyPlans[].triggers[].text': 'Trigger factor',
  'professionalContacts[].isKeyworker': 'Keyworker',
  professionalContacts: 'Professional contacts',
  personalContacts: 'Personal contacts: family, friends and carers',
};

/** What one item is called on buttons ("Add trigger factor"), where it differs from the schema. */
const itemLabelOverrides: Readonly<Record<string, string>> = {
  'contingencyPlans[].triggers': 'trigger factor',
};

const hints: Readonly<Record<string, string>> = {
  'person.nhsNumber': '10 digits; spaces are fine',
  'aboutMe.whatMatters': "In the person's own words",
  'goals[].words': "In the person's own words",
  'goals[].importance': 'As the person rates it: 1 is a little, 10 is very important',
  'goals[].progress[].score': '0 is not started, 10 is fully achieved',
  'actions[].owner': 'A member of the care team, the person, or a carer',
  'professionalContacts[].isKeyworker': 'The named keyworker or care coordinator. Exactly one at a time.',
  'professionalContacts[].keyworkerFrom': 'Only for a handover; leave empty otherwise',
  'professionalContacts[].keyworkerUntil': 'Only for a handover; leave empty otherwise',
  'contingencyPlans[].triggers': 'At least one: what tells you it is time to use this plan?',
  'consent.doNotShare': 'Organisations or people the plan must NOT be shared with',
  'meetings[].privateFamilyTime': 'Kept to the family until they choose to share it',
};

export function fieldLabel(pattern: string, schemaLabel: string): string {
  return labelOverrides[pattern] ?? schemaLabel;
}

export function itemLabel(pattern: string, schemaItemLabel: string): string {
  return itemLabelOverrides[pattern] ?? schemaItemLabel;
}

export function fieldHint(pattern: string): string | undefined {
  return hints[pattern];
}
