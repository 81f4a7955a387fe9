import type { MarketingStatus } from '../../features/fest/domain/drug';
import type { RouterCode } from '../../features/fest/domain/scheme-router';
import { formats } from './formats';

export const fest = {
  marketingStatuses: {
    marketed: 'Markedsført',
    notMarketed: 'Ikke markedsført',
    withdrawn: 'Ikke lenger i FEST',
  } satisfies Record<MarketingStatus, string>,
  requiresExemption: 'Krever godkjenningsfritak',
  search: {
    empty: 'Ingen treff i FEST. Står ikke legemiddelet der, kan du skrive navnet selv.',
    resultSingular: '%d treff',
    resultPlural: '%d treff',
    clear: 'Tøm feltet',
    failed: 'Søket i FEST virker ikke akkurat nå. Du kan skrive navnet selv.',
  },
  facts: {
    title: (name: string) => `Om ${name}`,
    atc: 'ATC-kode',
    form: 'Legemiddelform',
    substances: 'Virkestoff og styrke',
    preparattype: 'Preparattype',
    reseptgruppe: 'Reseptgruppe',
    cheapestAup: 'Laveste utsalgspris (AUP)',
    aupForPack: (price: string, pack: string) => `${price} for ${pack}`,
    noPrice: 'Ingen pris i FEST',
    refund: 'Refusjon',
    bluePrescription: 'Blå resept (folketrygdloven § 5-14)',
    hPrescription: 'H-resept (helseforetaket betaler)',
    noRefund: 'Ingen refusjon registrert',
    spc: 'Preparatomtale (SPC)',
    felleskatalogen: 'Søk i Felleskatalogen',
    newTab: '(åpnes i ny fane)',
    noSpc: 'FEST har ingen lenke til preparatomtalen.',
    exemptionNote:
      'Legemiddelet har ikke norsk markedsføringstillatelse. Apoteket trenger godkjenningsfritak fra DMP.',
    withdrawnNote: 'Legemiddelet er ikke lenger i FEST. Opplysningene er slik de var sist.',
    source: 'Kilde: FEST, Direktoratet for medisinske produkter (NLOD).',
  },
  /** The drug as FEST described it when the application was sent (the case page, ADR 0027). */
  snapshot: {
    title: 'Legemiddelet ved innsending',
    takenAt: (sent: string) => `Slik FEST beskrev legemiddelet da søknaden ble sendt ${sent}.`,
    extract: (hentet: string) => `Opplysningene er fra FEST-uttrekket hentet ${hentet}.`,
    unchanged: 'FEST har ikke endret noe vesentlig ved legemiddelet siden søknaden ble sendt.',
    changedTitle: 'FEST er endret siden søknaden ble sendt',
    changedIntro:
      'Søknaden er skrevet ut fra opplysningene under. I FEST i dag er dette annerledes:',
    changedIn: (extracts: readonly string[]) =>
      extracts.length === 1
        ? `Endret i FEST-uttrekket hentet ${extracts[0]}.`
        : `Endret i FEST-uttrekkene hentet ${extracts.slice(0, -1).join(', ')} og ${extracts.at(-1)}.`,
    todayTitle: 'Legemiddelet i FEST i dag',
    noSnapshot:
      'Søknaden ble sendt før portalen tok vare på legemiddelopplysningene ved innsending. Opplysningene under er slik de står i FEST i dag, ikke nødvendigvis slik søkeren så dem.',
    none: 'ingen',
    changes: {
      withdrawn:
        'Legemiddelet er ikke lenger i FEST. Det kan være avregistrert eller trukket fra markedet.',
      restored: 'Legemiddelet er tilbake i FEST.',
      marketingStatus: (from: string, to: string) =>
        `Markedsføringsstatusen er endret fra «${from}» til «${to}».`,
      exemptionRequired:
        'Legemiddelet krever nå godkjenningsfritak: det har ikke lenger norsk markedsføringstillatelse.',
      exemptionNotRequired:
        'Legemiddelet krever ikke lenger godkjenningsfritak: det har fått norsk markedsføringstillatelse.',
      preparattype: (from: string, to: string) =>
        `Preparattypen er endret fra «${from}» til «${to}».`,
      atc: (from: string, to: string) => `ATC-koden er endret fra ${from} til ${to}.`,
      name: (from: string, to: string) => `Navnet er endret fra «${from}» til «${to}».`,
      strength: (from: string, to: string) => `Styrken er endret fra ${from} til ${to}.`,
      price: (from: string, to: string) =>
        `Laveste utsalgspris (AUP) er endret fra ${from} til ${to}.`,
      bluePrescriptionAdded: 'Legemiddelet er nå på blå resept.',
      bluePrescriptionRemoved: 'Legemiddelet er ikke lenger på blå resept.',
      hPrescriptionAdded: 'Legemiddelet er nå et H-reseptlegemiddel.',
      hPrescriptionRemoved: 'Legemiddelet er ikke lenger et H-reseptlegemiddel.',
      spc: 'Lenken til preparatomtalen (SPC) er endret.',
    },
  },
  router: {
    notNeeded: 'Ingen søknad til helseforetaket trengs',
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
  },
  /** FEST contradicts the scheme chosen (`schemeContradictsFest`): a warning, not a refusal. */
  schemeWarning: {
    title: 'Sjekk ordningen',
    body: (drug: string, scheme: string) =>
      `Ifølge FEST har ${drug} norsk markedsføringstillatelse og markedsføres i Norge, men søknaden gjelder ordningen «${scheme}».`,
    applicant: (offLabel: string, section: string) =>
      `Brukes legemiddelet utenfor godkjent indikasjon, er «${offLabel}» trolig riktig ordning. Sjekk ordningen under «${section}». Stemmer den, kan du sende inn som vanlig.`,
    reader: (offLabel: string) =>
      `Brukes legemiddelet utenfor godkjent indikasjon, er «${offLabel}» trolig riktig ordning. Er ordningen feil, kan søknaden returneres til søkeren, som kan rette den.`,
  },
  nok: (amount: number) => formats.nok.format(amount),
};
