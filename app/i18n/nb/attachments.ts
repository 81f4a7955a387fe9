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
      'Vedlegg kan bare legges til eller fjernes av søkeren mens søknaden er et utkast eller returnert til søker.',
  } satisfies Record<AttachmentProblem, string>,
};
