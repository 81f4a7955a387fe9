import type { RouterCode } from '../../features/fest/domain/scheme-router';

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
  /** The scheme `routeScheme` suggests when the trust needs no application. */
  notNeeded: 'Ingen søknad til helseforetaket trengs',
  /** What else applies (`routeScheme`'s codes); the editor shows some beside the exemption question. */
  codes: {
    notInFest:
      'Legemiddelet finnes ikke i FEST. Legemidler uten norsk markedsføringstillatelse står vanligvis ikke der.',
    withdrawnFromFest:
      'Legemiddelet er ikke lenger i FEST. Sjekk om det fortsatt har markedsføringstillatelse i Norge.',
    notMarketedInNorway:
      'Legemiddelet har markedsføringstillatelse, men er ikke markedsført i Norge nå.',
    dmpExemption:
      'Apoteket må ha godkjenningsfritak fra Direktoratet for medisinske produkter (DMP). Legen fyller ut søknaden, og apoteket sender den.',
    pharmacyPreparation:
      'Preparatet lages av et norsk apotek (NAF- eller sykehuspreparat). Det har ikke markedsføringstillatelse, men trenger ikke godkjenningsfritak.',
    indicationUnknown:
      'Svar på om indikasjonen er godkjent (se preparatomtalen), så finner vi riktig ordning.',
    helfoSection3:
      'Legemiddelet er i blåreseptordningen. Vurder først å søke HELFO om individuell stønad (blåreseptforskriften § 3).',
    bluePrescription:
      'Indikasjonen er godkjent og legemiddelet er i blåreseptordningen. Det forskrives på blå resept, uten søknad til helseforetaket.',
    hPrescription:
      'Legemiddelet er et H-reseptlegemiddel. Helseforetaket dekker det etter sine vanlige rutiner.',
    interregionalCommittee:
      'Fagdirektøren vurderer om pasienten er klinisk eksepsjonell og om prioriteringskriteriene er oppfylt. Deretter avgjør det interregionale fagdirektørmøtet søknaden.',
  } satisfies Record<RouterCode, string>,
};
