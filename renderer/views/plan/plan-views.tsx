import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import type { CarePlanSnapshot, PlanSectionKey } from '../../../shared/plan';
import { AgreementScreen } from '../agreement/agreement-screen';
import { ExportPanel } from '../export/export-panel';
import { HistoryOfChanges } from '../history/history-of-changes';
import { HouseScreen } from '../house/house-screen';
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
  render: (props: PlanViewProps) => ReactNode;
}

/**
 * THE NAVIGATION OF AN OPEN PLAN, in order. To add a screen (a live meeting, agreement,
 * export...), add ONE entry to this array — nothing else needs to change: the navigation,
 * focus handling and the house's "Open ..." buttons all read from it. The first entry is
 * the plan's home.
 */
export const planViews: readonly PlanView[] = [
  { key: 'house', title: 'House of Care', render: ({ snapshot, open }) => <HouseScreen snapshot={snapshot} screenFor={screenForSection} onOpen={open} /> },
  { key: 'person', title: 'Person', sections: ['person'], render: () => <PersonSection /> },
  { key: 'about-me', title: 'About me', sections: ['aboutMe'], render: () => <AboutMeSection /> },
  { key: 'strengths-needs', title: 'Strengths and needs', sections: ['strengths', 'needs'], render: () => <StrengthsNeedsSection /> },
  { key: 'goals', title: 'Goals', sections: ['goals'], render: () => <GoalsSection /> },
  { key: 'actions', title: 'Actions', sections: ['actions'], render: () => <ActionsSection /> },
  { key: 'care-team', title: 'Care team', sections: ['professionalContacts', 'personalContacts'], render: () => <CareTeamSection /> },
  { key: 'contingency', title: 'Contingency and safety plans', sections: ['contingencyPlans'], render: () => <ContingencySection /> },
  { key: 'support-plans', title: 'Additional support plans', sections: ['supportPlans'], render: () => <SupportPlansSection /> },
  { key: 'consent', title: 'Consent and information sharing', sections: ['consent'], render: () => <ConsentSection /> },
  { key: 'agreement', title: 'Agreement and review', sections: ['agreement'], render: () => <AgreementSection /> },
  { key: 'services', title: 'Services and support', sections: ['services'], render: () => <ServicesSection /> },
  { key: 'meetings', title: 'Meetings', sections: ['meetings'], render: () => <MeetingsSection /> },
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
