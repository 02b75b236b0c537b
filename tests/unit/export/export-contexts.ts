import type { ExportContext } from '../../../shared/export/export-context';

/** Frozen contexts for the golden files: Jill's first agreed version, and the draft. */
export const JILL_PLAN_ID = 'plan-jill-marsh';

export const agreedContext: ExportContext = {
  versionLabel: 'Agreed version 1 (2026-11-23)',
  generatedAt: '2026-11-23T11:00:00.000Z',
  planId: JILL_PLAN_ID,
  // As the Agree step recorded it: who agreed comes from the version, not the plan's fields.
  agreement: { agreedOn: '2026-11-23', agreedWith: ['Jill Marsh (the person)'] },
};

export const draftContext: ExportContext = { versionLabel: null, generatedAt: '2026-11-23T11:00:00.000Z', planId: JILL_PLAN_ID };
