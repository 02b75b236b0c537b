import { CareError } from '../../shared/contract';
import type { MinutesFormat } from '../../shared/contract/meeting-record-calls';
import { MeetingNotFoundError } from '../../shared/export/minutes-model';
import { buildNextMeetingIcs, NoNextMeetingError } from '../../shared/export/minutes-ics';
import { buildMinutesMarkdown } from '../../shared/export/minutes-markdown';
import { buildMinutesPdfModel } from '../../shared/export/minutes-pdf-model';
import type { ExportContext } from '../../shared/export/export-context';
import { personFullName } from '../../shared/export/plan-people';
import type { CarePlanSnapshot } from '../../shared/plan/plan-snapshot';
import { loadPlanForExport } from '../export/load-plan-for-export';
import { renderPdf } from '../export/render-pdf';
import type { CareStore } from '../store/care-store';
import { PlanNotFoundError } from '../store/plan-records';
import { currentActor } from './actor';
import type { HandlerSlice } from './handler-table';

const minutesFiles: Record<MinutesFormat, { suffix: string; mimeType: string }> = {
  pdf: { suffix: 'minutes.pdf', mimeType: 'application/pdf' },
  md: { suffix: 'minutes.md', mimeType: 'text/markdown; charset=utf-8' },
  ics: { suffix: 'next-meeting.ics', mimeType: 'text/calendar; charset=utf-8' },
};

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'plan'
  );
}

async function minutesBytes(plan: CarePlanSnapshot, meetingId: string, format: MinutesFormat, context: ExportContext): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      return renderPdf(buildMinutesPdfModel(plan, meetingId, context));
    case 'md':
      return buildMinutesMarkdown(plan, meetingId, context);
    case 'ics':
      return buildNextMeetingIcs(plan, meetingId, context);
  }
}

/** Minutes and the next-meeting invitation, and the family's private notes kept on this machine. */
export function createMeetingRecordHandlers(store: CareStore): HandlerSlice<'exportMinutes' | 'getPrivateFamilyNotes' | 'savePrivateFamilyNotes'> {
  const requirePlan = (planId: string) => {
    if (!store.hasPlan(planId)) throw new PlanNotFoundError(planId);
  };
  return {
    exportMinutes: async ({ planId, meetingId, format }) => {
      const actor = currentActor(store);
      requirePlan(planId);
      const source = loadPlanForExport(store, planId, null);
      const context: ExportContext = { versionLabel: null, generatedAt: new Date().toISOString(), planId };
      let bytes: Uint8Array;
      try {
        bytes = await minutesBytes(source.snapshot, meetingId, format, context);
      } catch (error) {
        if (error instanceof MeetingNotFoundError) throw new CareError('not-found', 'That meeting record is not in this plan (it may have been removed).');
        if (error instanceof NoNextMeetingError) throw new CareError('refused', error.message, [{ path: 'nextMeetingDate', message: error.message }]);
        throw error;
      }
      store.recordAudit(planId, `export-minutes ${format}`, actor, ['meetings']);
      const meeting = source.snapshot.meetings.find((candidate) => candidate.id === meetingId);
      return {
        fileName: `${slug(personFullName(source.snapshot))}-${meeting?.date ?? 'meeting'}-${minutesFiles[format].suffix}`,
        mimeType: minutesFiles[format].mimeType,
        base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
        bytes: bytes.byteLength,
      };
    },
    getPrivateFamilyNotes: ({ planId, meetingId }) => {
      requirePlan(planId);
      return store.privateFamilyNotes(planId, meetingId);
    },
    savePrivateFamilyNotes: ({ planId, meetingId, text }) => {
      currentActor(store);
      requirePlan(planId);
      // Notes belong to a meeting record that is in the plan: a typo'd id must not leave orphaned private text.
      const plan = loadPlanForExport(store, planId, null).snapshot;
      if (!plan.meetings.some((meeting) => meeting.id === meetingId && meeting.removedAt === null)) {
        throw new CareError('not-found', 'That meeting record is not in this plan (it may have been removed), so the notes were not saved.');
      }
      return { updatedAt: store.savePrivateFamilyNotes(planId, meetingId, text) };
    },
  };
}
