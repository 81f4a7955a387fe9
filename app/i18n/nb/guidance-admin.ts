import type { GuidanceError, GuidancePlace } from '../../features/guidance/domain/guidance';
import { GUIDANCE_LIMITS } from '../../features/guidance/domain/guidance';
import { formats } from './formats';

/** The trust administrator's guidance pages (/admin/veiledning). */
export const guidanceAdmin = {
  link: 'Veiledning',
  linkHelp:
    'Helseforetakets egen veiledning i søknadsskjemaet, ved forankring, i vurderingen og ved vedtak.',
  title: 'Veiledning',
  intro: (trust: string) =>
    `Egen veiledning fra ${trust}. Den vises under den nasjonale veiledningen på hvert sted, bare i helseforetakets egne saker. Et sted uten tekst og lenker viser ingen lokal veiledning.`,
  places: {
    application: 'Søknadsskjemaet',
    endorsement: 'Forankring',
    assessment: 'Vurdering',
    decision: 'Vedtak',
  } satisfies Record<GuidancePlace, string>,
  placeHelp: {
    application: 'Vises for søkeren over søknadsskjemaet.',
    endorsement:
      'Vises for lederen ved forankringen, under veiledningen om prioriteringskriteriene.',
    assessment: 'Vises for fagdirektøren og komiteen i vurderingen.',
    decision: 'Vises ved vedtaksskjemaet, under regelverket.',
  } satisfies Record<GuidancePlace, string>,
  place: 'Sted',
  current: 'Tekst nå',
  linksColumn: 'Lenker',
  changed: 'Sist endret',
  none: 'Ingen lokal veiledning.',
  never: 'Aldri',
  changedBy: (name: string, at: Date) => `${formats.dateTime.format(at)} av ${name}`,
  edit: (place: string) => `Rediger veiledningen for ${place.toLowerCase()}`,
  editTitle: (place: string) => `Veiledning: ${place}`,
  text: 'Tekst',
  textHelp: `Vanlig tekst, høyst ${GUIDANCE_LIMITS.text} tegn. En tom linje starter et nytt avsnitt. HTML og formatering vises som den står.`,
  linksLegend: 'Lenker',
  linksHelp: `Høyst ${GUIDANCE_LIMITS.links} lenker, hver med tittel og en adresse som begynner med https://. La en rad stå tom for å fjerne lenken.`,
  linkTitle: (n: number) => `Tittel på lenke ${n}`,
  linkUrl: (n: number) => `Adresse til lenke ${n}`,
  save: 'Lagre veiledningen',
  saved: 'Veiledningen er lagret.',
  backToList: 'Tilbake til veiledning',
  conflictTitle: 'Veiledningen er endret av en annen',
  conflict: (name: string | null, at: Date | null) =>
    `${name && at ? `${name} lagret veiledningen ${formats.dateTime.format(at)}` : 'Veiledningen er endret'}, etter at du åpnet den. Teksten din er ikke lagret, men står fortsatt i skjemaet. Se over det som er lagret nå, og lagre på nytt hvis din tekst skal gjelde.`,
  storedNow: 'Lagret nå',
  storedEmpty: 'Ingen tekst og ingen lenker.',
  history: 'Tidligere versjoner',
  historyVersion: 'Versjon',
  historyBy: 'Endret av',
  historyAt: 'Tidspunkt',
  historyContent: 'Innhold',
  historyContentValue: (chars: number, links: number) =>
    `${chars} tegn, ${links} ${links === 1 ? 'lenke' : 'lenker'}`,
  noHistory: 'Ingen versjoner ennå.',
  errors: {
    textTooLong: `Teksten kan ha høyst ${GUIDANCE_LIMITS.text} tegn.`,
    tooManyLinks: `Du kan ha høyst ${GUIDANCE_LIMITS.links} lenker.`,
    linkTitleRequired: 'Skriv en tittel på lenken.',
    linkTitleTooLong: `Tittelen kan ha høyst ${GUIDANCE_LIMITS.linkTitle} tegn.`,
    linkUrlRequired: 'Skriv adressen lenken skal gå til.',
    linkUrlTooLong: `Adressen kan ha høyst ${GUIDANCE_LIMITS.linkUrl} tegn.`,
    linkUrlInvalid: 'Skriv en hel nettadresse, for eksempel https://www.helse-bergen.no/.',
    linkUrlNotHttps: 'Adressen må begynne med https://, ikke http://.',
  } satisfies Record<GuidanceError, string>,
};
