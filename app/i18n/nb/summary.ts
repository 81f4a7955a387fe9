export const summary = {
  title: 'Oppsummering',
  intro: 'Se over søknaden før du sender den inn. Du kan gå tilbake og endre hver del.',
  missingTitle: 'Dette mangler før søknaden kan sendes inn:',
  complete: 'Alt er fylt ut. Søknaden kan sendes inn.',
  editSection: (title: string) => `Endre ${title.toLowerCase()}`,
  submit: 'Send inn søknaden',
  resubmit: 'Send inn på nytt',
  back: 'Tilbake til skjemaet',
};
