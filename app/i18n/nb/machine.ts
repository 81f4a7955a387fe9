/** Answers to a system's call with a HelseID access token (the national exports, ADR 0033). */
export const machine = {
  invalidToken:
    'Tilgangsbeviset mangler, er ugyldig eller er utløpt. Hent et nytt tilgangsbevis fra HelseID.',
  insufficientScope:
    'Tilgangsbeviset gir ikke tilgang til de nasjonale eksportene. Be om riktig scope i HelseID.',
};
