import { z } from 'zod';
import { diagnosisShape } from '../domain/diagnosis-shape';

/**
 * The diagnosis search's answer (GET /api/diagnoser), checked before use. DiagnosisPicker loads
 * this module on its first search, so zod is not part of the form pages' initial JavaScript.
 */
export const diagnosisResponse = z.object({ diagnoses: z.array(diagnosisShape) });
