import { describe, expect, it } from 'vitest';
import { decodeListCursor, encodeListCursor, MY_CASES_LISTS } from './list-cursor';

const cursor = { key: '2026-06-01 10:00:00.123456+00', id: '6fabac7e-618b-4979-9a97-2438dafd6ad0' };

describe('the keyset cursors of "My cases"', () => {
  it.each(MY_CASES_LISTS)('reads back what it wrote for «%s»', (list) => {
    expect(decodeListCursor(list, encodeListCursor(list, cursor))).toEqual(cursor);
  });

  it.each(
    MY_CASES_LISTS.flatMap((from) =>
      MY_CASES_LISTS.filter((to) => to !== from).map((to) => [from, to] as const),
    ),
  )('does not take a cursor of «%s» for «%s» (first page instead)', (from, to) => {
    expect(decodeListCursor(to, encodeListCursor(from, cursor))).toBeNull();
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['not a cursor', 'x'],
    ['not a timestamp', encodeListCursor('venter', { ...cursor, key: 'yesterday' })],
  ])('shows the first page for a cursor that is %s', (_, value) => {
    expect(decodeListCursor('venter', value)).toBeNull();
  });
});
