/**
 * An approval's reseptmerknad (naming the løpenummer by its placeholder) and invoicing routine,
 * typed as free text: what every approval needs, for tests that decide one.
 */
export const APPROVAL_TERMS = {
  prescriptionNote: 'Sykehusfinansiert legemiddel, jf. vedtak {løpenummer}.',
  invoicing: 'Faktureres helseforetaket via sykehusapoteket.',
} as const;
