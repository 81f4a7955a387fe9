/** The mark of a case registered after the fact, on the case pages and in the tables. */
export const retrospectiveTag = 'Etterregistrert';
