export const cost = {
  computed: (total: string, aup: string, packages: string, months: string) =>
    `Beregnet fra FEST-prisen: ${total} (AUP ${aup} per pakning × ${packages} pakninger per måned × ${months} måneder).`,
  needsNumbers: (aup: string) =>
    `Laveste AUP i FEST er ${aup} per pakning. Fyll inn pakninger per måned og antall måneder, så beregnes kostnaden.`,
  use: 'Bruk beregnet kostnad',
};
