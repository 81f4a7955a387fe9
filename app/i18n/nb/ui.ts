export const ui = {
  /** The accessible name of a wide table's own scroll area (distinct from its section's). */
  tableRegion: (caption: string) => `Tabell: ${caption}`,
  /**
   * A field's label before what is wrong with it (error summaries, what a summary says is
   * missing): «Dose: Ikke besvart», and a question without a colon after its question mark
   * («Hvor er legemiddelet godkjent? Ikke besvart»).
   */
  labelled: (label: string, text: string) =>
    /[?:]$/.test(label) ? `${label} ${text}` : `${label}: ${text}`,
};
