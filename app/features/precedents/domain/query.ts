import { z } from 'zod';

/** An ATC code at any level from the anatomical group to the substance (A, A10, A10BA02 …). */
export const atcSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/);

/** A compact diagnosis code, e.g. ICD10:N04.2 or ICPC2:T90. */
export const diagnosisCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(ICD10|ICPC2):[A-Z0-9][A-Z0-9.]{1,9}$/);

/** `/api/presedenser?atc=&substans=&legemiddel=&diagnose=`: a drug (any of the three) and a diagnosis. */
export const precedentQuerySchema = z
  .object({
    atc: atcSchema.optional(),
    substans: z.string().trim().min(2).max(200).optional(),
    legemiddel: z.string().trim().min(1).max(100).optional(),
    diagnose: diagnosisCodeSchema,
  })
  .refine((q) => q.atc !== undefined || q.substans !== undefined || q.legemiddel !== undefined);

/** `/nasjonalt/variasjon?atc=&diagnose=`: an exact (level-5) ATC code and a diagnosis. */
export const variationQuerySchema = z.object({
  atc: atcSchema.refine((s) => s.length === 7),
  diagnose: diagnosisCodeSchema,
});

/** The non-empty query parameters of a URL. */
export const queryParams = (url: URL): Record<string, string> =>
  Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v.trim() !== ''));
