// A record's view and its reads (the stored model through zod, the cross-year follow-through):
// loaded when the user first opens a record, not with the list the popup opens on.
export { RecordDetail } from '@/components/log/RecordDetail';
export { getRecordDetail } from '@/utils/log/queries';
