import { textField } from './fields';

/*
 * What a picker (a server-searched combobox: number mapping, ring-group members, no-answer and
 * call targets, desk phone owners) sends: the text typed so far. Bounded, so a search is never
 * a scan for a megabyte of pattern; blank lists the first matches.
 */
export const PICKER_QUERY_MAX = 100;
/** One answer of any picker: enough to choose, never the whole list. */
export const PICKER_LIMIT = 20;

export const pickerQueryField = () =>
  textField().max(PICKER_QUERY_MAX, { error: 'errors.tooLong' }).optional().default('');
