import type { MessageError, MessageVisibility } from '../../features/dialog/domain/visibility';

export const dialog = {
  title: 'Dialog',
  intro:
    'Meldinger mellom søker, leder og fagdirektør eller vurderingskomité. Interne notater ser bare saksbehandlerne.',
  empty: 'Ingen meldinger ennå.',
  visibility: {
    case: 'Synlig for søker og saksbehandlere',
    internal: 'Intern – ikke synlig for søker',
  } satisfies Record<MessageVisibility, string>,
  author: (name: string, role: string) => `${name}, ${role}`,
  newMessage: 'Ny melding',
  body: 'Melding',
  bodyHelp: 'Skriv ikke mer om pasienten enn saken trenger.',
  visibilityLegend: 'Hvem skal se meldingen?',
  send: 'Send melding',
  sent: 'Meldingen er sendt.',
  readOnly: 'Du kan lese dialogen, men ikke skrive i den.',
  pageTitle: (label: string) => `Dialog i sak ${label}`,
  backToCase: 'Tilbake til saken',
  errors: {
    messageRequired: 'Skriv en melding.',
    messageTooLong: 'Meldingen er for lang (høyst 5000 tegn).',
    visibilityInvalid: 'Velg hvem som skal se meldingen.',
  } satisfies Record<MessageError, string>,
};
