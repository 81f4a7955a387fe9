export const router = {
  title: 'Finn riktig ordning',
  intro:
    'Velg legemiddelet og svar på tre spørsmål, så foreslår vi ordning og sier hva mer som trengs – før du bruker tid på søknaden.',
  approved: 'Er indikasjonen godkjent i preparatomtalen?',
  approvedYes: 'Ja',
  approvedNo: 'Nei, bruken er utenfor godkjent indikasjon',
  approvedUnknown: 'Vet ikke',
  assessment: 'Metoden er under nasjonal vurdering i Nye Metoder',
  rejected: 'Beslutningsforum har sagt nei til metoden',
  situation: 'Situasjonen',
  submit: 'Foreslå ordning',
  suggestion: (scheme: string) => `Forslag: ${scheme}`,
  chooseBelow: 'Forslaget er valgt nedenfor. Du kan velge en annen ordning.',
};
