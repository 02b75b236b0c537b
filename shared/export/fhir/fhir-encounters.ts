import { isLive } from '../../plan/plan-snapshot';
import type { Encounter, Reference } from './fhir-types';
import type { FhirScope } from './fhir-scope';
import { generatedDate } from '../export-context';
import { meetingTypeLabels } from '../plain-labels';
import { encounterClassFor } from './fhir-encounter-class';

const PARTICIPATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';

/**
 * Each meeting (MDT, discharge, family group conference, review) as an Encounter. Only
 * Practitioners and RelatedPersons may be Encounter participants in R4, so attendees who
 * are neither (the person, an advocate) appear by name only.
 */
export function buildEncounters(scope: FhirScope): Encounter[] {
  const today = generatedDate(scope.context);
  return scope.plan.meetings.filter(isLive).map((meeting) => {
    const participants = meeting.attendees.filter(isLive).flatMap((attendee) => {
      let individual: Reference | null = null;
      if (attendee.contactId !== null && scope.has('practitioner', attendee.contactId)) {
        individual = scope.ref('practitioner', attendee.contactId, attendee.name);
      } else if (attendee.contactId !== null && scope.has('related-person', attendee.contactId)) {
        individual = scope.ref('related-person', attendee.contactId, attendee.name);
      } else if (attendee.contactId === null && !attendee.role.toLowerCase().includes('person')) {
        individual = { display: [attendee.name, attendee.role].filter((part) => part.trim()).join(', ') };
      }
      if (individual === null) return [];
      const chair = attendee.name.trim() !== '' && attendee.name.trim() === meeting.chair.trim();
      return [
        {
          type: [{ coding: [{ system: PARTICIPATION_TYPE_SYSTEM, code: chair ? 'PPRF' : 'PART', display: chair ? 'primary performer' : 'Participation' }] }],
          individual,
        },
      ];
    });
    return {
      resourceType: 'Encounter',
      id: scope.uuid('encounter', meeting.id),
      status: meeting.date !== null && meeting.date > today ? 'planned' : 'finished',
      class: encounterClassFor(meeting),
      type: meeting.type ? [{ text: meetingTypeLabels[meeting.type] }] : [{ text: 'Care planning meeting' }],
      subject: scope.patientRef(),
      participant: participants,
      period: meeting.date ? { start: meeting.date } : undefined,
      location: meeting.location.trim() ? [{ location: { display: meeting.location.trim() } }] : undefined,
    };
  });
}
