import { z } from 'zod';

/** The rows of a raw `db.execute(sql`…`)` result, checked against `row` (raw SQL is not typed). */
export function rowsOf<T extends z.ZodType>(result: unknown, row: T): z.output<T>[] {
  return z.object({ rows: z.array(row) }).parse(result).rows;
}
