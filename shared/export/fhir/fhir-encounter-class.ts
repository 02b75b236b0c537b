import type { Meeting } from '../../plan/plan-snapshot';
import type { Coding } from './fhir-types';

const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** The four v3 ActCode encounter classes a care planning meeting can be (R4 Encounter.class, extensible). */
export const encounterClasses = {
  inpatient: { system: ACT_CODE_SYSTEM, code: 'IMP', display: 'inpatient encounter' },
  ambulatory: { system: ACT_CODE_SYSTEM, code: 'AMB', display: 'ambulatory' },
  home: { system: ACT_CODE_SYSTEM, code: 'HH', display: 'home health' },
  virtual: { system: ACT_CODE_SYSTEM, code: 'VR', display: 'virtual' },
} as const satisfies Record<string, Coding>;

const VIRTUAL_WORDS = /\b(video|teams|zoom|attend ?anywhere|online|virtual|remote|webex|phone call|telephone)\b/i;
const HOME_WORDS = /\b(home|house|flat|bungalow|care home)\b|\bat (his|her|their|my) (place|address)\b/i;

/**
 * The plan records a meeting's kind and where it was, not a FHIR class, so the class is read
 * from both: a discharge meeting is held while the person is an inpatient (IMP); otherwise a
 * meeting held by video is virtual (VR), one at the person's home is a home visit (HH), and
 * everything else (surgery, clinic, office) is ambulatory (AMB). Video wins over home because
 * a video call "from home" is still virtual.
 */
export function encounterClassFor(meeting: Pick<Meeting, 'type' | 'location'>): Coding {
  if (meeting.type === 'discharge') return encounterClasses.inpatient;
  if (VIRTUAL_WORDS.test(meeting.location)) return encounterClasses.virtual;
  if (HOME_WORDS.test(meeting.location)) return encounterClasses.home;
  return encounterClasses.ambulatory;
}
