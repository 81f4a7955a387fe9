import { z } from 'zod';
import { isIsoDate } from '../../cases/domain/application';

/** How many log rows the log controller's page shows at most. */
export const LOG_PAGE_SIZE = 200;

/** The log controller's filter, from the query string; a bad date is reported, never guessed. */
export interface LogFilterInput {
  userId: string;
  caseNumber: string;
  from: string;
  to: string;
}

export interface ParsedLogFilter {
  values: LogFilterInput;
  filter: { userId?: string; caseNumber?: string; from?: string; to?: string };
  errors: Partial<Record<'from' | 'to', 'invalidDate'>>;
}

export function parseLogFilter(params: URLSearchParams): ParsedLogFilter {
  const text = (name: string) => (params.get(name) ?? '').trim().slice(0, 100);
  const values: LogFilterInput = {
    userId: text('bruker'),
    caseNumber: text('sak'),
    from: text('fra'),
    to: text('til'),
  };
  const errors: ParsedLogFilter['errors'] = {};
  const filter: ParsedLogFilter['filter'] = {};
  if (z.uuid().safeParse(values.userId).success) filter.userId = values.userId;
  if (values.caseNumber) filter.caseNumber = values.caseNumber;
  for (const key of ['from', 'to'] as const) {
    if (!values[key]) continue;
    if (isIsoDate(values[key])) filter[key] = values[key];
    else errors[key] = 'invalidDate';
  }
  return { values, filter, errors };
}
