import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import type { CarePlanSnapshot, PlanSectionKey } from '../../../shared/plan';
import { AgreementScreen } from '../agreement/agreement-screen';
import { ExportPanel } from '../export/export-panel';
import { HistoryOfChanges } from '../history/history-of-changes';
import { PlanAtAGlance } from '../glance/plan-at-a-glance';
import { MeetingPanel } from '../meeting/meeting-panel';
import { MeetingRecordScreen } from '../meeting-record/meeting-record-screen';
import { AboutMeSection } from '../sections/about-me-section';
import { ActionsSection } from '../sections/actions-section';
import { AgreementSection } from '../sections/agreement-section';
import { CareTeamSection } from '../sections/care-team-section';
import { ConsentSection } from '../sections/consent-section';
import { ContingencySection } from '../sections/contingency-section';
import { GoalsSection } from '../sections/goals-section';
import { MeetingsSection } from '../sections/meetings-section';
import { PersonSection } from '../sections/person-section';
import { ServicesSection } from '../sections/services-section';
import { StrengthsNeedsSection } from '../sections/strengths-needs-section';
import { SupportPlansSection } from '../sections/support-plans-section';

/** Navigation groups: the parts of the House of Care, then the meeting and the record. */
export const planViewGroups = [
  { key: 'home', title: 'The plan' },
  { key: 'leftWall', title: 'Me and my carers' },
  { key: 'centre', title: 'My plan' },
  { key: 'rightWall', title: 'My care team' },
  { key: 'foundation', title: 'Services and support' },
  { key: 'roof', title: 'How the team organises care' },
  { key: 'record', title: 'Meeting and record' },
] as const;
export type PlanViewGroup = (typeof planViewGroups)[number]['key'];

/** What a screen of an open plan is given. */
export interface PlanViewProps {
  planId: string;
  doc: Y.Doc;
  snapshot: CarePlanSnapshot;
  /** Go to another screen of the plan by its key. */
  open: (key: string) => void;
}

export interface PlanView {
  /** Stable key (used by the house's buttons and by tests). */
  key: string;
  /** The name in the plan's navigation. */
  title: string;
  /** The plan sections this screen shows; the house uses them to open the right screen. */
  sections?: readonly PlanSectionKey[];
  /** The navigation group it is listed under (default: the meeting and the record). */
  group?: PlanViewGroup;
  render: (props: PlanViewProps) => ReactNode;
}

/**
 * THE NAVIGATION OF AN OPEN PLAN, in order. To add a screen (a live meeting, agreement,
 * export...), add ONE entry to this array — nothing else needs to change: the navigation,
 * focus handling and the house's "Open ..." buttons all read from it. The first entry is
 * the plan's home.
 */
export const planViews: readonly PlanView[] = [
  { key: 'house', title: 'At a glance', group: 'home', render: ({ planId, open }) => <PlanAtAGlance planId={planId} screenFor={screenForSection} onOpen={open} /> },
  { key: 'person', title: 'Person', group: 'leftWall', sections: ['person'], render: () => <PersonSection /> },
  { key: 'about-me', title: 'About me', group: 'leftWall', sections: ['aboutMe'], render: () => <AboutMeSection /> },
  { key: 'strengths-needs', title: 'Strengths and needs', group: 'leftWall', sections: ['strengths', 'needs'], render: () => <StrengthsNeedsSection /> },
  { key: 'goals', title: 'Goals', group: 'centre', sections: ['goals'], render: () => <GoalsSection /> },
  { key: 'actions', title: 'Actions', group: 'centre', sections: ['actions'], render: () => <ActionsSection /> },
  { key: 'contingency', title: 'Contingency and safety plans', group: 'centre', sections: ['contingencyPlans'], render: () => <ContingencySection /> },
  { key: 'support-plans', title: 'Additional support plans', group: 'centre', sections: ['supportPlans'], render: () => <SupportPlansSection /> },
  { key: 'care-team', title: 'Care team', group: 'rightWall', sections: ['professionalContacts', 'personalContacts'], render: () => <CareTeamSection /> },
  { key: 'services', title: 'Services and support', group: 'foundation', sections: ['services'], render: () => <ServicesSection /> },
  { key: 'consent', title: 'Consent and information sharing', group: 'roof', sections: ['consent'], render: () => <ConsentSection /> },
  { key: 'agreement', title: 'Agreement and review', group: 'roof', sections: ['agreement'], render: () => <AgreementSection /> },
  { key: 'meetings', title: 'Meetings', group: 'roof', sections: ['meetings'], render: () => <MeetingsSection /> },
  { key: 'live-meeting', title: 'Live meeting', render: () => <MeetingPanel /> },
  { key: 'meeting-record', title: 'Run the case conference', render: ({ planId }) => <MeetingRecordScreen planId={planId} /> },
  { key: 'history', title: 'History of changes', render: ({ planId }) => <HistoryOfChanges planId={planId} /> },
  { key: 'agree', title: 'Agree and versions', render: ({ planId, doc, snapshot }) => <AgreementScreen planId={planId} doc={doc} snapshot={snapshot} /> },
  { key: 'export', title: 'Export', render: ({ planId, snapshot }) => <ExportPanel planId={planId} snapshot={snapshot} /> },
];

/** The screen showing a plan section, for the house's buttons. */
export function screenForSection(section: PlanSectionKey): { key: string; title: string } | undefined {
  const view = planViews.find((candidate) => candidate.sections?.includes(section));
  return view ? { key: view.key, title: view.title } : undefined;
}
