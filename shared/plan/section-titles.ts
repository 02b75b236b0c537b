import type { PlanSectionKey } from './plan-schema';

/**
 * Plain-language section names, as care-plan.md calls them, for headings, the history
 * view ("Karen changed Goals") and messages. A Record so adding a section without a
 * title fails to compile.
 */
const titles: Record<PlanSectionKey, string> = {
  person: 'Person',
  aboutMe: 'About me',
  strengths: 'Strengths',
  needs: 'Needs, concerns or problems',
  goals: 'Goals',
  actions: 'Actions',
  professionalContacts: 'Care team',
  personalContacts: 'Family, friends and carers',
  contingencyPlans: 'Contingency and safety plans',
  supportPlans: 'Additional support plans',
  services: 'Services and support the plan relies on',
  consent: 'Consent and information sharing',
  agreement: 'Agreement and review',
  meetings: 'Meetings',
};

export function sectionTitle(key: PlanSectionKey): string {
  return titles[key];
}
