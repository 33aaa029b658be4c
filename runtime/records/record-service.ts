/**
 * @module The record services in one place for the routes (and for callers that are not HTTP, such as
 * tests acting as a given user or a future import job).
 */
export { submitRecord, type SubmitInput } from './submit-record';
export { updateRecord, type UpdateInput } from './update-record';
export { sendRecordEvent, type RecordEventInput } from './send-record-event';
export { listRecords, type ListParams, type RecordPage, DEFAULT_LIMIT, MAX_LIMIT } from './list-records';
export {
  readRecord,
  readRecordSla,
  readTimeline,
  type RecordDetail,
  type RecordSla,
  type TimelineEntry,
} from './read-record';
export type { Actor, RecordView } from './record-rows';
