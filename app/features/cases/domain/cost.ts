/** A non-negative number as people type it (spaces, decimal comma), or null. */
export function parseAmount(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const n = Number(value.replace(/\s/g, '').replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * The drug cost of a treatment from the FEST price: AUP per package × packages per month ×
 * months, rounded to whole kroner; null when something is missing.
 */
export function estimateCost(
  aupPerPackage: number | null,
  packagesPerMonth: unknown,
  months: unknown,
): number | null {
  const packages = parseAmount(packagesPerMonth);
  const duration = parseAmount(months);
  if (aupPerPackage === null || packages === null || duration === null) return null;
  return Math.round(aupPerPackage * packages * duration);
}
