// The care-plan document: layout, typed access, validation, examples. Import from here.
export * from './plan-snapshot';
export * from './plan-schema';
export type * from './field-spec';
export type * from './plan-paths';
export type { EditContext } from './edit-context';
export type { PlanProblem } from './plan-problem';
export { sectionTitle } from './section-titles';
export {
  PLAN_SCHEMA_VERSION,
  initialisePlanDoc,
  personText,
  aboutMeText,
  metaMap,
  rootMap,
  planSchemaVersion,
  type PersonTextField,
  type AboutMeTextField,
} from './plan-layout';
export { summarisePlan, type PlanDocSummary } from './summarise-plan';
export { PlanPathError } from './plan-path-error';
export { createItem, updateItem, moveItem, removeItem, restoreItem, listItemIds, type CreateItemOptions } from './plan-items';
export { updateRecordSection } from './plan-records';
export { getPlanText } from './plan-text';
export { readPlanSnapshot, readPlanSnapshotFromState } from './read-plan-snapshot';
export { writePlanSnapshot } from './write-plan-snapshot';
export { checkSnapshotShape, isCarePlanSnapshot } from './snapshot-shape';
export { emptyPlanSnapshot, plainItem } from './empty-plan-snapshot';
export { migratePlanDoc, planMigrations, type PlanMigration, type MigrationResult, type MigrationStatus } from './plan-migrations';
export { validateNhsNumber, normaliseNhsNumber, formatNhsNumber, nhsCheckDigit } from './nhs-number';
export { validateCalendarDate, isCalendarDate, addDays, addMonths, endOfMonth } from './calendar-date';
export { fieldLimits, maxTextLength, checkTextInsert } from './field-limits';
export { validatePlan, listBlockingProblems, planDate, type ValidationOptions } from './validate-plan';
export { listAgreeAdvisories } from './agree-advisories';
export { currentKeyworker, keyworkersOn, isKeyworkerOn } from './keyworker';
export { checkPlanDocShape } from './check-plan-doc-shape';
export { houseCompleteness, housePartTitles, type HousePartCompleteness, type CompletenessCheck, type CompletenessOptions } from './house-completeness';
export { isPersonRef, samePersonRef } from './person-ref';
export { newItemId, isItemId } from './new-item-id';
export { buildExamplePlan, examplePlanSnapshot, examplePlanNames, type ExamplePlanName, type ExamplePlanOptions } from './examples/build-example-plan';
export { carriedForwardActions, type CarriedForwardAction } from './carried-forward-actions';
export { formatUkDate, parseUkDate, type UkDateParse } from './uk-date';
export { actionStatusWords, goalStatusWords, openActionStatuses, isOpenActionStatus } from './status-words';
export { PlanSnapshotFollower } from './plan-snapshot-follower';
export { myOpenActions, reviewsDue, sameName, type MyActionRow, type ReviewDueRow, type PlanForMyWork } from './my-work';
