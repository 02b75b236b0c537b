import type { EditContext } from '../edit-context';
import { plainItem } from '../empty-plan-snapshot';
import type { FieldSpecs } from '../field-spec';
import * as schema from '../plan-schema';
import type {
  Action,
  AgendaItem,
  ContingencyPlan,
  ContingencyTrigger,
  DoNotShareEntry,
  Goal,
  GoalStep,
  ItemBase,
  ItemBaseKey,
  Meeting,
  MeetingAttendee,
  Need,
  PersonRef,
  PersonalContact,
  ProfessionalContact,
  SharingScope,
  Strength,
  SupportPlan,
  SupportService,
} from '../plan-snapshot';

type Values<T extends ItemBase> = Partial<Omit<T, ItemBaseKey>> & { id?: string };

/** Typed item makers for writing example plans as data, all stamped with one edit context. */
export function exampleKit(context: EditContext) {
  const make =
    <T extends ItemBase>(fields: FieldSpecs) =>
    (values: Values<T>): T =>
      plainItem<T>(fields, values, context);
  return {
    strength: make<Strength>(schema.strengthFields),
    need: make<Need>(schema.needFields),
    goal: make<Goal>(schema.goalFields),
    step: make<GoalStep>(schema.goalStepFields),
    action: make<Action>(schema.actionFields),
    professional: make<ProfessionalContact>(schema.professionalContactFields),
    personal: make<PersonalContact>(schema.personalContactFields),
    contingency: make<ContingencyPlan>(schema.contingencyPlanFields),
    trigger: make<ContingencyTrigger>(schema.contingencyTriggerFields),
    supportPlan: make<SupportPlan>(schema.supportPlanFields),
    service: make<SupportService>(schema.supportServiceFields),
    doNotShare: make<DoNotShareEntry>(schema.doNotShareFields),
    sharingScope: make<SharingScope>(schema.sharingScopeFields),
    meeting: make<Meeting>(schema.meetingFields),
    attendee: make<MeetingAttendee>(schema.meetingAttendeeFields),
    agendaItem: make<AgendaItem>(schema.agendaItemFields),
    /** Triggers from plain sentences. */
    triggers: (texts: readonly string[]): ContingencyTrigger[] => texts.map((text) => make<ContingencyTrigger>(schema.contingencyTriggerFields)({ text })),
    steps: (texts: readonly string[]): GoalStep[] => texts.map((text) => make<GoalStep>(schema.goalStepFields)({ text })),
    /** Meeting attendees from the care team and personal contacts, as they were in the room. */
    attendeesFrom: (
      team: readonly ProfessionalContact[],
      personal: readonly PersonalContact[],
      person: { name: string },
    ): MeetingAttendee[] => [
      make<MeetingAttendee>(schema.meetingAttendeeFields)({ name: person.name, role: 'The person', organisation: '' }),
      ...team.map((contact) =>
        make<MeetingAttendee>(schema.meetingAttendeeFields)({ name: contact.name, role: contact.role, organisation: contact.organisation, contactId: contact.id }),
      ),
      ...personal.map((contact) =>
        make<MeetingAttendee>(schema.meetingAttendeeFields)({ name: contact.name, role: contact.relationship, organisation: '', contactId: contact.id }),
      ),
    ],
  };
}

export function teamRef(contact: ProfessionalContact): PersonRef {
  return { kind: 'careTeam', contactId: contact.id };
}

export function personalRef(contact: PersonalContact): PersonRef {
  return { kind: 'personalContact', contactId: contact.id };
}
