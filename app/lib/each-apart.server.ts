import { loggableError } from './loggable-error.server';

/**
 * Runs `work` for each item in turn, each apart: an item whose work fails is logged and passed
 * over, so one trust's or one case's fault does not stop the work for all the others (a job's
 * reminders, follow-ups, anonymisation). Throws after the last item when any failed, so the job
 * is recorded as failed and runs again.
 */
export async function eachApart<T>(
  items: readonly T[],
  name: (item: T) => string,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const failed: string[] = [];
  for (const item of items) {
    try {
      await work(item);
    } catch (error) {
      failed.push(name(item));
      console.error(`${name(item)} failed:`, loggableError(error));
    }
  }
  if (failed.length > 0) {
    throw new Error(`${failed.length} of ${items.length} failed: ${failed.join(', ')}`);
  }
}
