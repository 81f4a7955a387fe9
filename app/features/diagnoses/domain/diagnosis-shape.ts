import { z } from 'zod';
import { DIAGNOSIS_SYSTEMS } from './diagnosis';

/**
 * The shape of a diagnosis as the search API sends it (`diagnosisSchema` checks the code). A
 * module of its own: only the picker's first search needs it in the browser, and it loads zod.
 */
export const diagnosisShape = z.object({
  system: z.enum(DIAGNOSIS_SYSTEMS),
  code: z.string(),
  text: z.string(),
});
