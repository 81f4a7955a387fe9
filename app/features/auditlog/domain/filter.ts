import { z } from 'zod';
import { parseCalendarDate } from '../../cases/domain/application';

/** How many log rows the log controller's page shows at most. */
export const LOG_PAGE_SIZE = 200;

/**
 * The log controller's filter, from the query string; a bad date is reported, never guessed. The
 * date fields send YYYY-MM-DD; dd.mm.åååå (also d.m.åååå) typed into the address is read too
 * (`parseCalendarDate`), and the form shows it as YYYY-MM-DD, the value a date field takes.
 */
export interface LogFilterInput {
  userId: string;
  /** Whose reads: '' all, `OWN_TRUST` the trust's own people, or another (reader) trust's id. */
  readerTrust: string;
  caseNumber: string;
  from: string;
  to: string;
}

export interface ParsedLogFilter {
  values: LogFilterInput;
  filter: {
    userId?: string;
    readerTrust?: ReaderTrustFilter;
    caseNumber?: string;
    from?: string;
    to?: string;
  };
  errors: Partial<Record<'from' | 'to', LogFilterError>>;
}

/** Why a date of the filter was not applied (each has its message in msg.accessLog). */
export type LogFilterError = 'invalidDate' | 'periodReversed';

/** The query-string value for the trust's own people's reads (no reader trust). */
export const OWN_TRUST = 'egne';

/** Reads by the trust's own people, or by one other trust's people (a consulted trust, ADR 0025). */
export type ReaderTrustFilter = { own: true } | { own: false; trustId: string };

export function parseLogFilter(params: URLSearchParams): ParsedLogFilter {
  const text = (name: string) => (params.get(name) ?? '').trim().slice(0, 100);
  const values: LogFilterInput = {
    userId: text('bruker'),
    readerTrust: text('foretak'),
    caseNumber: text('sak'),
    from: text('fra'),
    to: text('til'),
  };
  const errors: ParsedLogFilter['errors'] = {};
  const filter: ParsedLogFilter['filter'] = {};
  if (z.uuid().safeParse(values.userId).success) filter.userId = values.userId;
  if (values.readerTrust === OWN_TRUST) filter.readerTrust = { own: true };
  else if (z.uuid().safeParse(values.readerTrust).success)
    filter.readerTrust = { own: false, trustId: values.readerTrust };
  if (values.caseNumber) filter.caseNumber = values.caseNumber;
  for (const key of ['from', 'to'] as const) {
    if (!values[key]) continue;
    const date = parseCalendarDate(values[key]);
    if (date) filter[key] = values[key] = date;
    else errors[key] = 'invalidDate';
  }
  // A period that ends before it starts holds nothing: said, not searched.
  if (filter.from && filter.to && filter.to < filter.from) {
    delete filter.to;
    errors.to = 'periodReversed';
  }
  return { values, filter, errors };
}
