import type {
  FollowUp,
  RetroColumn,
  RetroDateColumn,
  RetroError,
  RetroSelectColumn,
} from '../../features/retrospective/domain/retrospective';
import { formats } from './formats';

export const retrospective = {
  title: 'Etterregistrering',
  intro:
    'Her registrerer dere saker som ble avgjort før søknadsportalen ble tatt i bruk, slik at den nasjonale oversikten blir komplett. Registrer én sak i skjemaet, eller mange fra et regneark.',
  noPatient:
    'Ingen pasientopplysninger registreres: verken navn eller fødselsnummer. Formålet er en komplett nasjonal oversikt over vedtak, ikke pasientjournal.',
  newCase: 'Registrer én sak',
  importCases: 'Importer fra regneark',
  listTitle: 'Etterregistrerte saker',
  listEmpty: 'Ingen saker er etterregistrert ennå.',
  listCaption: (count: number) => `${count} etterregistrerte saker (de nyeste først)`,
  formTitle: 'Etterregistrer en sak',
  formIntro:
    'Fyll inn sakens opprinnelige datoer og vedtak. Saken får et løpenummer for året den opprinnelig ble sendt inn.',
  sectionCase: 'Saken',
  /** `errors.drugRequired` in the form, where the drug is chosen from FEST by name. */
  drugRequiredInForm: 'velg et preparat fra FEST, eller oppgi ATC-kode og virkestoff',
  sectionDrug: 'Legemiddel',
  sectionDrugHelp:
    'Velg et preparat fra FEST, eller oppgi ATC-kode og virkestoff når preparatet ikke finnes i FEST.',
  sectionDiagnoses: 'Diagnoser',
  sectionDecision: 'Vedtaket',
  register: 'Registrer saken',
  registered: (caseNumber: string) => `Saken er etterregistrert med løpenummer ${caseNumber}.`,
  openCase: 'Åpne saken',
  registerAnother: 'Registrer en sak til',
  chooseOption: 'Velg …',
  forbidden: 'Bare fagdirektør og administrator kan etterregistrere saker.',
  columns: {
    reference: 'Referanse',
    department: 'Avdeling',
    scheme: 'Ordning',
    patientScope: 'Pasient eller gruppe',
    drugId: 'FEST-id',
    drugName: 'Legemiddel',
    atc: 'ATC-kode',
    substance: 'Virkestoff',
    mainDiagnosis: 'Hoveddiagnose',
    otherDiagnoses: 'Andre diagnoser',
    submittedDate: 'Innsendt dato',
    decidedDate: 'Vedtaksdato',
    outcome: 'Vedtak',
    conditions: 'Vilkår',
    reason: 'Begrunnelse',
    followUp: 'Oppfølging',
  } satisfies Record<RetroColumn, string>,
  columnHelp: {
    reference:
      'Helseforetakets egen referanse, for eksempel saksnummer i ePhorte eller arkivet. Valgfri, men må være unik: samme referanse kan ikke registreres to ganger.',
    department: 'Navnet på en av helseforetakets avdelinger, skrevet som i portalen.',
    scheme: 'off-label, uten markedsføringstillatelse, unntaksordningen eller tilgangsordningen.',
    patientScope: 'enkeltpasient eller pasientgruppe.',
    drugId:
      'Preparatets id i FEST (fra legemiddelsøket). Fyll inn enten FEST-id, eller ATC-kode og virkestoff.',
    drugName: 'Preparatets navn slik det sto i vedtaket (valgfri når FEST-id er oppgitt).',
    atc: 'ATC-kode på virkestoffnivå, sju tegn, for eksempel L01FA01. Brukes når preparatet ikke er i FEST.',
    substance: 'Virkestoffets navn, for eksempel rituksimab. Påkrevd sammen med ATC-kode.',
    mainDiagnosis: 'Hovedindikasjonen som ICD-10-kode, for eksempel C50.9.',
    otherDiagnoses: 'Andre ICD-10-koder, skilt med komma.',
    submittedDate: 'Datoen søknaden opprinnelig ble sendt inn: dd.mm.åååå eller åååå-mm-dd.',
    decidedDate:
      'Datoen vedtaket ble fattet: dd.mm.åååå eller åååå-mm-dd. Ikke før innsendt dato og ikke fram i tid.',
    outcome: 'innvilget, innvilget med vilkår eller avslått.',
    conditions: 'Vilkårene i vedtaket. Påkrevd ved «innvilget med vilkår», ellers tom.',
    reason: 'Vedtakets begrunnelse, kort.',
    followUp:
      'Valgfri: utfallet ved evaluering, fortsatt (behandlingen fortsatte) eller avsluttet. Ikke ved avslag.',
  } satisfies Record<RetroColumn, string>,
  /** The form's lists: a help text only where the options need one. */
  selectHelp: {
    followUp: 'Valgfri: utfallet ved evaluering. Ikke ved avslag.',
  } satisfies Partial<Record<RetroSelectColumn, string>> as Partial<
    Record<RetroSelectColumn, string>
  >,
  /** The form's date fields (a date picker): what the date is, and which dates it cannot be. */
  dateHelp: {
    submittedDate: 'Datoen søknaden opprinnelig ble sendt inn. Ikke fram i tid.',
    decidedDate: 'Datoen vedtaket ble fattet. Ikke før innsendt dato og ikke fram i tid.',
  } satisfies Record<RetroDateColumn, string>,
  example: {
    reference: 'ePhorte 2024/1234',
    department: '',
    scheme: 'off-label',
    patientScope: 'enkeltpasient',
    drugId: '',
    drugName: 'Rituximab 500 mg infusjonsvæske',
    atc: 'L01FA01',
    substance: 'rituksimab',
    mainDiagnosis: 'N04.2',
    otherDiagnoses: '',
    submittedDate: '12.03.2024',
    decidedDate: '02.04.2024',
    outcome: 'innvilget med vilkår',
    conditions: 'Evaluering etter seks måneder.',
    reason: 'Oppfyller prioriteringskriteriene.',
    followUp: 'fortsatt',
  } satisfies Record<RetroColumn, string>,
  outcomeWords: {
    approved: 'innvilget',
    approvedWithConditions: 'innvilget med vilkår',
    rejected: 'avslått',
  },
  followUps: {
    continued: 'Behandlingen fortsatte',
    stopped: 'Behandlingen ble avsluttet',
  } satisfies Record<FollowUp, string>,
  noFollowUp: 'Ikke registrert',
  date: (date: Date) => formats.date.format(date),
  errors: {
    required: 'må fylles ut',
    tooLong: 'teksten er for lang',
    departmentUnknown: 'avdelingen finnes ikke i helseforetaket',
    schemeUnknown:
      'ukjent ordning (bruk off-label, uten markedsføringstillatelse, unntaksordningen eller tilgangsordningen)',
    scopeUnknown: 'skriv enkeltpasient eller pasientgruppe',
    scopeSinglePatient:
      'unntaksordningen og tilgangsordningen gjelder én pasient – skriv enkeltpasient, eller bruk en annen ordning',
    drugRequired: 'oppgi en FEST-id, eller ATC-kode og virkestoff',
    drugUnknown: 'FEST-id-en finnes ikke i FEST',
    atcFormat: 'ATC-koden må ha sju tegn på formen L01FA01',
    substanceRequired: 'oppgi virkestoffet når ATC-kode brukes',
    diagnosisUnknown: 'ukjent ICD-10-kode',
    dateFormat: 'skriv en gyldig dato som dd.mm.åååå, for eksempel 12.03.2024',
    dateInFuture: 'datoen kan ikke være fram i tid',
    decidedBeforeSubmitted: 'datoen kan ikke være før innsendt dato',
    outcomeUnknown: 'skriv innvilget, innvilget med vilkår eller avslått',
    conditionsRequired: 'vilkårene må fylles ut ved «innvilget med vilkår»',
    conditionsNotAllowed: 'vilkår hører bare til «innvilget med vilkår»',
    followUpUnknown: 'skriv fortsatt eller avsluttet, eller la feltet stå tomt',
    followUpNotAllowed: 'et avslag har ingen oppfølging',
    referenceDuplicateInFile: 'referansen står på en tidligere rad i filen',
    referenceExists: 'en sak med denne referansen er allerede registrert',
  } satisfies Record<RetroError, string>,
  rowError: (row: number, column: string, message: string) => `Rad ${row}, ${column}: ${message}`,
  importTitle: 'Importer etterregistrerte saker',
  importIntro:
    'Last ned malen, fyll inn én sak per rad og last opp filen (CSV eller XLSX). Du får se alle radene og en kontroll av hver rad før noe blir importert. Har én rad feil, importeres ingenting før filen er rettet.',
  templateXlsx: 'Last ned mal (Excel, XLSX)',
  templateCsv: 'Last ned mal (CSV, semikolon)',
  fileLabel: 'Regneark (CSV eller XLSX)',
  fileHelp: (rows: number, megabytes: number) =>
    `Høyst ${rows} rader og ${megabytes} MB. Datoer som dd.mm.åååå eller åååå-mm-dd.`,
  upload: 'Last opp og kontroller',
  fileErrors: {
    none: 'Velg en fil å laste opp.',
    empty: 'Filen har ingen rader med saker.',
    tooLarge: 'Filen er for stor.',
    tooLargeUnpacked:
      'Regnearket er for stort når det pakkes ut. Lagre bare arket med sakene i en ny fil, eller del det opp i flere filer.',
    tooManyRows: 'Filen har for mange rader. Del den opp i flere filer.',
    unreadable: 'Filen kunne ikke leses. Bruk malen, lagret som CSV eller XLSX.',
    fileType: 'Filtypen støttes ikke. Last opp CSV eller XLSX.',
    expired: 'Forhåndsvisningen er utløpt eller finnes ikke. Last opp filen på nytt.',
  },
  missingColumns: (names: string) => `Filen mangler kolonner: ${names}. Bruk malen.`,
  reportTitle: 'Kontroll av filen',
  reportBad: (bad: number, total: number) =>
    `${bad} av ${total} rader har feil. Ingenting er importert. Rett filen og last den opp på nytt.`,
  reportGood: (total: number) =>
    `Alle ${total} rader er i orden. Se over radene og bekreft importen.`,
  previewCaption: (fileName: string) => `Rader i ${fileName}`,
  rowColumn: 'Rad',
  statusColumn: 'Kontroll',
  rowOk: 'I orden',
  rowBad: (count: number) => (count === 1 ? '1 feil' : `${count} feil`),
  confirm: (count: number) => `Importer alle ${count} sakene`,
  cancel: 'Avbryt og last opp en annen fil',
  imported: (count: number) => `${count} saker er importert.`,
  eventReason: (submitted: string, decided: string) =>
    `Etterregistrering: opprinnelig innsendt ${submitted}, vedtak ${decided}.`,
  registeredReason: (reference: string | null) =>
    reference ? `Etterregistrert (referanse ${reference}).` : 'Etterregistrert.',
  followUpEffect: 'Etterregistrert oppfølging.',
  template: {
    sheetCases: 'Saker',
    sheetHelp: 'Forklaring',
    helpHeader: ['Kolonne', 'Påkrevd', 'Forklaring og tillatte verdier'],
    required: 'Ja',
    optional: 'Nei',
    notes: [
      'Én sak per rad. Rad 1 er overskriftene; ikke endre dem. Erstatt eksempelraden med egne saker.',
      'Ingen pasientopplysninger: ikke skriv navn eller fødselsnummer i noen kolonne.',
      'Har én rad feil, importeres ingen rader før filen er rettet.',
    ],
  },
};
