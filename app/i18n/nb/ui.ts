export const ui = {
  /** The accessible name of a wide table's own scroll area (distinct from its section's). */
  tableRegion: (caption: string) => `Tabell: ${caption}`,
};
