import type { AttachmentNotice, AttachmentProblem } from '../../features/attachments/domain/errors';
import type { AttachmentKind } from '../../features/attachments/domain/kinds';

export const attachments = {
  title: 'Vedlegg',
  none: 'Ingen vedlegg er lagt til.',
  caption: 'Vedlegg til søknaden',
  fileName: 'Fil',
  type: 'Type',
  size: 'Størrelse',
  uploaded: 'Lastet opp',
  actions: 'Handlinger',
  remove: 'Fjern',
  removeLabel: (fileName: string) => `Fjern vedlegget ${fileName}`,
  fileLabel: 'Legg til vedlegg',
  help: (maxSize: string) =>
    `PDF, PNG, JPEG, Word, Excel eller PowerPoint (også eldre .doc og .xls), høyst ${maxSize} per fil. Filtypen sjekkes ut fra innholdet, ikke filnavnet. Vedlegget lagres med en gang.`,
  upload: 'Last opp',
  maxSize: (maxSize: string) => `Største tillatte størrelse er ${maxSize}.`,
  defaultFileName: 'vedlegg',
  kinds: {
    pdf: 'PDF',
    png: 'PNG-bilde',
    jpeg: 'JPEG-bilde',
    docx: 'Word-dokument',
    xlsx: 'Excel-regneark',
    pptx: 'PowerPoint-presentasjon',
    doc: 'Word-dokument (eldre format)',
    xls: 'Excel-regneark (eldre format)',
  } satisfies Record<AttachmentKind, string>,
  notices: {
    added: 'Vedlegget er lagt til.',
    removed: 'Vedlegget er fjernet.',
  } satisfies Record<AttachmentNotice, string>,
  problems: {
    noFile: 'Velg en fil du vil laste opp.',
    empty: 'Filen er tom. Velg en fil med innhold.',
    tooLarge: 'Filen er for stor.',
    typeNotAllowed:
      'Filtypen er ikke tillatt. Du kan laste opp PDF, PNG, JPEG og Word-, Excel- og PowerPoint-dokumenter uten makroer. Filtypen sjekkes ut fra innholdet, så det hjelper ikke å endre filnavnet.',
    unreadable: 'Opplastingen kunne ikke leses. Prøv igjen.',
    notEditable:
      'Vedlegg kan bare legges til eller fjernes av søkeren og medforfatterne mens søknaden er et utkast, er returnert eller venter på opplysninger.',
    notRemovable: 'Vedlegg som er sendt med søknaden eller med et svar, kan ikke fjernes.',
    answerChanged:
      'Vedleggene til svaret er endret mens du skrev, så svaret er ikke sendt. Se over listen og send på nytt.',
  } satisfies Record<AttachmentProblem, string>,
  /** Attachments added to the answer to a request for information (the case page's answer form). */
  answer: {
    help: 'Legg ved dokumenter svaret trenger, for eksempel en laboratorierapport, en artikkel eller en epikrise. Teksten du har skrevet, beholdes når du laster opp, og vedleggene sendes med svaret.',
    coAuthorHelp: 'Søkeren sender svaret. Vedlegg du legger til her, sendes med det.',
    title: 'Vedlegg til svaret',
    none: 'Ingen vedlegg er lagt til svaret.',
    upload: 'Last opp vedlegget',
    notices: {
      added: 'Vedlegget er lagt til svaret.',
      removed: 'Vedlegget er fjernet fra svaret.',
    } satisfies Record<AttachmentNotice, string>,
    /** Beside an attachment sent with an answer (the case's attachments, the history). */
    addedIn: (date: string) => `Lagt til i svar ${date}`,
    pending: 'Til svaret, ikke sendt ennå',
    unsent: 'Til et svar som ikke ble sendt',
    /** Above the attachments of an answer in the case's history. */
    sentWith: 'Vedlegg sendt med svaret:',
  },
};
