import { and, eq, inArray } from 'drizzle-orm';
import { inApp, type Db } from '../../db/database.server';
import { cases, roleAssignments, trusts, users } from '../../db/schema';
import { DEMO_TRUSTS, demoEmail, type DemoTrustCode } from '../../db/seed.server';
import { endorseCase, recommend } from '../assessment/assessment.server';
import { isRole, type Actor, type RoleGrant } from '../auth/domain/roles';
import { requestConsultation } from '../consultations/consultations.server';
import { submitDecision } from '../decisions/decisions.server';
import { searchDrugsIn } from '../fest/fest.server';
import { createDraft, inviteCoAuthor, transition } from './cases.server';
import { addDays, dateInNorway } from './domain/dates';
import type { Answers } from './domain/questionnaire';
import type { CaseEvent } from './domain/workflow';

/**
 * Where a demo case is left: each demo user finds work waiting for them (the applicant a draft, a
 * question from the leader and one from the committee; the leader an application to endorse; the
 * medical director a case to assess, a recommendation to decide on, and another trust's question
 * in a consultation; the committee a case under assessment), a Tilgangsordningen case at the
 * interregional committee, and decided cases to read.
 */
type DemoStage =
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'endorsed'
  | 'underAssessment'
  | 'awaitingInformation'
  | 'inConsultation'
  | 'recommended'
  | 'atInterregionalCommittee'
  | 'approvedWithConditions'
  | 'rejected';

interface DemoCase {
  stage: DemoStage;
  /**
   * The FEST product chosen, by the start of its name in the bundled extract; or a drug FEST does
   * not have, as the applicant writes it.
   */
  drug: { fest: string } | { written: string };
  answers: Answers;
}

/** Synthetic Test-Norge numbers (month + 80, valid check digits): never a real person. */
const DEMO_PATIENT_IDS = [
  '12835812470',
  '04897145664',
  '23916421087',
  '07828933471',
  '30865211887',
  '19817740386',
  '09928328810',
  '26846615007',
  '14884949115',
  '02909536394',
] as const;

const single = (patient: number): Answers => ({
  patientScope: 'single',
  patientId: DEMO_PATIENT_IDS[patient % DEMO_PATIENT_IDS.length] ?? '',
  consent: 'yes',
});

/** The applications, one per stage, as a hospital doctor would write them. */
const DEMO_CASES: readonly DemoCase[] = [
  {
    stage: 'draft',
    drug: { fest: 'Kolkisin NAF Tab 0,5 mg' },
    answers: {
      scheme: 'noMarketingAuthorisation',
      ...single(0),
      diagnoses: ['ICD10:I30.9'],
      indication: 'Residiverende akutt perikarditt, tredje episode på ett år',
      exemptionApplication: 'notNeeded',
      exemptionNotNeededReason: 'NAF-preparat, laget av norsk apotek',
    },
  },
  {
    stage: 'submitted',
    drug: { fest: 'Herceptin Pulv til kons til inf væske 150 mg' },
    answers: {
      scheme: 'offLabel',
      ...single(1),
      diagnoses: ['ICD10:C07'],
      indication: 'HER2-positivt spyttkjertelkarsinom (ørespyttkjertel) med lungemetastaser',
      severity: 'Metastatisk sykdom med forventet levetid under ett år uten effektiv behandling',
      dose: '8 mg/kg startdose, deretter 6 mg/kg hver tredje uke, sammen med docetaksel',
      route: 'Intravenøst',
      duration: '6 måneder, deretter ny vurdering',
      approvedIndication: 'HER2-positiv brystkreft og HER2-positiv metastatisk ventrikkelkreft',
      deviationFromApproval:
        'Annen indikasjon: HER2-positivt spyttkjertelkarsinom. Dosering som ved ventrikkelkreft',
      alternativesTried: 'Karboplatin og paklitaksel i fire kurer',
      alternativesInsufficient: 'Progresjon i lungene etter fire kurer',
      expectedBenefit: 'Respons hos om lag 60 prosent i fase 2-studier ved HER2-positiv sykdom',
      evaluationPlan: 'CT thorax og abdomen etter tre kurer',
      costEstimate: '180000',
      evidence: 'Takahashi et al., J Clin Oncol 2019 (fase 2, 57 pasienter)',
    },
  },
  {
    stage: 'returned',
    drug: { fest: 'Oracea Kaps modif frisetting 40 mg' },
    answers: {
      scheme: 'offLabel',
      ...single(2),
      diagnoses: ['ICD10:L71.0'],
      indication: 'Uttalt perioral dermatitt hos voksen, steroidindusert',
      severity: 'Betydelig redusert livskvalitet; ikke livstruende',
      dose: '40 mg daglig',
      route: 'Peroralt',
      duration: '12 uker',
      approvedIndication: 'Papulopustuløse forandringer ved rosacea hos voksne',
      deviationFromApproval: 'Annen indikasjon: perioral dermatitt. Samme dose',
      alternativesTried: 'Metronidazolkrem i åtte uker',
      alternativesInsufficient: 'Ingen bedring, residiv etter seponering',
      expectedBenefit: 'Tilheling hos de fleste etter 8–12 uker',
      evaluationPlan: 'Klinisk kontroll hos hudlege etter 12 uker',
      costEstimate: '2400',
      evidence: 'Klinisk erfaring og kasusserier',
    },
  },
  {
    stage: 'endorsed',
    drug: { fest: 'Hizentra Inj væske 200 mg/ml' },
    answers: {
      scheme: 'offLabel',
      ...single(3),
      diagnoses: ['ICD10:G70.0'],
      indication: 'Generalisert myasthenia gravis, behandlingsrefraktær',
      severity: 'To myastene kriser siste år med behov for intensivbehandling',
      dose: '0,4 g/kg i uken, fordelt på to doser',
      route: 'Subkutant',
      duration: '6 måneder',
      approvedIndication:
        'Primær og sekundær immunsvikt; CIDP som vedlikehold etter intravenøst immunglobulin',
      deviationFromApproval: 'Annen indikasjon: myasthenia gravis. Dosering som ved CIDP',
      alternativesTried: 'Pyridostigmin, prednisolon og azatioprin; intravenøst immunglobulin',
      alternativesInsufficient: 'Tilbakefall mellom IVIG-kurene; dårlig venøs tilgang',
      expectedBenefit: 'Stabil sykdom uten kriser, færre sykehusinnleggelser',
      evaluationPlan: 'MG-ADL og QMG-skår hver tredje måned',
      costEstimate: '420000',
      evidence: 'Observasjonsstudier av subkutant immunglobulin ved myasteni',
    },
  },
  {
    stage: 'underAssessment',
    drug: { fest: 'Certican Disperg tab 0,1 mg' },
    answers: {
      scheme: 'offLabel',
      ...single(4),
      diagnoses: ['ICD10:Q85.1'],
      indication: 'Tuberøs sklerose med subependymalt kjempecelleastrocytom, barn 4 år',
      severity: 'Truende hydrocephalus; kirurgi frarådet',
      dose: '4,5 mg/m² daglig, justert etter serumkonsentrasjon',
      route: 'Peroralt, oppløst i vann',
      duration: '12 måneder',
      approvedIndication:
        'Forebygging av organavstøtning etter nyre- og hjertetransplantasjon hos voksne',
      deviationFromApproval:
        'Annen indikasjon og aldersgruppe: kjempecelleastrocytom ved tuberøs sklerose hos barn',
      alternativesTried: 'Ingen medikamentell behandling; nevrokirurgisk vurdering',
      alternativesInsufficient: 'Operasjon har høy risiko på grunn av svulstens beliggenhet',
      expectedBenefit: 'Svulstreduksjon på minst 50 prosent hos om lag en tredjedel',
      evaluationPlan: 'MR caput etter 3 og 12 måneder',
      costEstimate: '95000',
      evidence: 'EXIST-1 (Lancet 2013)',
    },
  },
  {
    stage: 'awaitingInformation',
    drug: { fest: 'Paclitaxel Accord Kons til inf væske 6 mg/ml' },
    answers: {
      scheme: 'offLabel',
      ...single(5),
      diagnoses: ['ICD10:C16.9'],
      indication: 'Metastatisk adenokarsinom i ventrikkel, andrelinje',
      severity: 'Progressiv metastatisk sykdom',
      dose: '80 mg/m² ukentlig dag 1, 8 og 15 i 28-dagerssykluser',
      route: 'Intravenøst',
      duration: 'Til progresjon, høyst 6 sykluser',
      approvedIndication:
        'Ovarialkreft, brystkreft, ikke-småcellet lungekreft og AIDS-relatert Kaposis sarkom',
      deviationFromApproval: 'Annen indikasjon (ventrikkelkreft, andrelinje) og ukentlig dosering',
      alternativesTried: 'FLOT i fire sykluser',
      alternativesInsufficient: 'Progresjon under behandling',
      expectedBenefit: 'Forlenget overlevelse med om lag to måneder',
      evaluationPlan: 'CT etter to sykluser',
      costEstimate: '30000',
      evidence: 'Hironaka et al., J Clin Oncol 2013 (WJOG 4007)',
    },
  },
  {
    stage: 'recommended',
    drug: { fest: 'Roceron Inj væske 9 mill IE/0,5 ml' },
    answers: {
      scheme: 'offLabel',
      ...single(6),
      diagnoses: ['ICD10:D45'],
      indication: 'Polycythaemia vera hos gravid i uke 14, høy trombose-risiko',
      severity: 'Tidligere dyp venetrombose; risiko for svangerskapskomplikasjoner',
      dose: '3 millioner IE tre ganger i uken',
      route: 'Subkutant',
      duration: 'Ut svangerskapet og seks uker etter fødsel',
      approvedIndication:
        'Hårcelleleukemi, KML, kutant T-cellelymfom, follikulært lymfom, nyrecellekarsinom, melanom og kronisk hepatitt',
      deviationFromApproval: 'Annen indikasjon: polycythaemia vera, hos en gravid',
      alternativesTried: 'Venesectio og acetylsalisylsyre',
      alternativesInsufficient: 'Hematokrit over 0,45 tross hyppig venesectio',
      expectedBenefit: 'Hematokrit under 0,45 og lavere risiko for tromboembolisme',
      evaluationPlan: 'Blodprøver hver fjerde uke',
      costEstimate: '60000',
      evidence: 'Retningslinjer fra European LeukemiaNet (2018)',
    },
  },
  {
    stage: 'inConsultation',
    drug: { fest: 'Herceptin Inj væske 600 mg' },
    answers: {
      scheme: 'offLabel',
      ...single(8),
      diagnoses: ['ICD10:C50.9'],
      indication: 'HER2-positiv brystkreft hos mann, adjuvant behandling etter operasjon',
      severity: 'Høy residivrisiko (lymfeknutepositiv sykdom)',
      dose: '600 mg subkutant hver tredje uke',
      route: 'Subkutant',
      duration: '12 måneder',
      approvedIndication: 'HER2-positiv tidlig og metastatisk brystkreft',
      deviationFromApproval: 'Studiene bak godkjenningen omfattet bare kvinner; pasienten er mann',
      alternativesTried: 'Ingen; studiene omfattet bare kvinner',
      alternativesInsufficient: 'Indikasjonen i preparatomtalen gjelder kvinner',
      expectedBenefit: 'Samme reduksjon i residivrisiko som hos kvinner er sannsynlig',
      evaluationPlan: 'Ekkokardiografi hver tredje måned; klinisk kontroll',
      costEstimate: '250000',
      evidence: 'Registerdata og retningslinjer for brystkreft hos menn (NBCG)',
    },
  },
  {
    stage: 'atInterregionalCommittee',
    drug: { written: 'Leqembi (lekanemab) 100 mg/ml konsentrat til infusjonsvæske' },
    answers: {
      scheme: 'tilgangsordningen',
      ...single(9),
      diagnoses: ['ICD10:G30.0'],
      indication: 'Alzheimers sykdom med tidlig debut, mild kognitiv svikt, amyloid påvist',
      severity: 'Progredierende demens hos 58-åring',
      dose: '10 mg/kg hver andre uke',
      route: 'Intravenøst',
      duration: '18 måneder',
      alternativesTried: 'Donepezil i ett år',
      alternativesInsufficient: 'Fortsatt kognitiv tilbakegang',
      expectedBenefit: 'Langsommere kognitiv tilbakegang (CDR-SB)',
      evaluationPlan: 'MR hver tredje måned (ARIA), kognitive tester hver sjette måned',
      costEstimate: '300000',
      evidence: 'CLARITY AD (NEJM 2023)',
      clinicalExceptionality:
        'Ung pasient uten vaskulær sykdom eller ApoE4-homozygoti, med lav risiko for ARIA.',
      beslutningsforumDecision:
        'Lekanemab ved tidlig Alzheimers sykdom er ikke innført: nytten står ikke i forhold til kostnaden og risikoen for ARIA.',
    },
  },
  {
    stage: 'approvedWithConditions',
    drug: { fest: 'Hizentra Inj væske 200 mg/ml' },
    answers: {
      scheme: 'offLabel',
      patientScope: 'group',
      diagnoses: ['ICD10:G61.8'],
      indication: 'Multifokal motorisk nevropati stabilt behandlet med intravenøst immunglobulin',
      severity: 'Progressiv svakhet og funksjonstap uten behandling',
      population: 'Voksne med multifokal motorisk nevropati ved nevrologisk avdeling',
      expectedPatients: '6',
      inclusionCriteria: 'Stabil på IVIG i minst seks måneder; kan sette sprøyter selv',
      exclusionCriteria: 'Ustabil sykdom siste tre måneder',
      dose: 'Samme månedsdose som ved IVIG, fordelt på ukentlige subkutane doser',
      route: 'Subkutant',
      duration: '12 måneder',
      approvedIndication:
        'Primær og sekundær immunsvikt; CIDP som vedlikehold etter intravenøst immunglobulin',
      deviationFromApproval: 'Annen indikasjon: multifokal motorisk nevropati',
      alternativesTried: 'Intravenøst immunglobulin på dagpost',
      alternativesInsufficient: 'Hyppige dagpostbesøk; svingende effekt mellom kurene',
      expectedBenefit: 'Jevnere effekt og behandling hjemme',
      evaluationPlan: 'Muskelstyrke (MRC-skår) og funksjonsskår hver tredje måned',
      costEstimate: '1800000',
      evidence: 'Små kohortstudier; nasjonal faglig retningslinje åpner for subkutan behandling',
    },
  },
  {
    stage: 'rejected',
    drug: { fest: 'Paclitaxel Hospira Kons til inf væske 6 mg/ml' },
    answers: {
      scheme: 'offLabel',
      ...single(7),
      diagnoses: ['ICD10:C16.9'],
      indication: 'Metastatisk adenokarsinom i ventrikkel, fjerdelinje',
      severity: 'Avansert sykdom, ECOG 3',
      dose: '80 mg/m² ukentlig',
      route: 'Intravenøst',
      duration: 'Til progresjon',
      approvedIndication:
        'Ovarialkreft, brystkreft, ikke-småcellet lungekreft og AIDS-relatert Kaposis sarkom',
      deviationFromApproval: 'Annen indikasjon: ventrikkelkreft, fjerdelinje',
      alternativesTried: 'Tre tidligere behandlingslinjer',
      alternativesInsufficient: 'Progresjon',
      expectedBenefit: 'Usikker',
      evaluationPlan: 'CT etter seks uker',
      costEstimate: '30000',
      evidence: 'Ingen studier i fjerdelinje',
    },
  },
];

/** A complete, valid rating of the priority criteria (the endorsement form's fields). */
const RATINGS = {
  'severity.level': '3',
  'severity.text': 'Alvorlig tilstand med betydelig tap av livskvalitet eller levetid.',
  'benefit.level': '2',
  'benefit.text': 'Dokumentert nytte i mindre studier.',
  'resourceUse.level': '2',
  'resourceUse.text': 'Kostnaden står i rimelig forhold til forventet nytte.',
};

/**
 * The demo trusts' own cases (HBE, HST, OUS): the same eleven applications in each, taken through
 * the real use cases by the trust's demo users, so every page has something on it when a newcomer
 * logs in, every transition is on record and notified, and the løpenummer are given at
 * submission as always. Written once: nothing is done when a demo trust has a case already (a
 * newcomer's own cases are never mixed with these). Returns the number of cases written.
 */
export async function seedDemoCases(db: Db): Promise<number> {
  const codes = Object.keys(DEMO_TRUSTS) as DemoTrustCode[];
  const [existing] = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(trusts, eq(trusts.id, cases.trustId))
    .where(inArray(trusts.code, codes))
    .limit(1);
  if (existing) return 0;
  const found = await db.select().from(trusts).where(inArray(trusts.code, codes));
  const demoTrusts = codes.map((code) => {
    const trust = found.find((t) => t.code === code);
    if (!trust) throw new Error(`Demo cases: no trust ${code}`);
    return { ...trust, code };
  });
  // The same drugs in every trust: each looked up in FEST once.
  const applications = await Promise.all(
    DEMO_CASES.map(async (demo) => ({ ...demo, drug: await demoDrug(db, demo.drug) })),
  );
  let written = 0;
  for (const [index, trust] of demoTrusts.entries()) {
    const people = await demoPeople(db, trust);
    // Each trust consults the next (the last the first).
    const consulted = demoTrusts[(index + 1) % demoTrusts.length]?.id ?? '';
    for (const application of applications) {
      await writeDemoCase(db, people, application, consulted);
      written++;
    }
  }
  return written;
}

type DemoPeople = Record<
  'applicant' | 'coAuthor' | 'endorser' | 'decisionMaker' | 'assessor',
  Actor
>;

/**
 * A demo user of one trust as the use cases take them: their role grants in that trust. `key` is
 * the role, or the key of a second person in a role (DEMO_PEOPLE).
 */
export async function demoActor(
  db: Db,
  trust: { id: string; code: DemoTrustCode; name: string },
  key: string,
): Promise<Actor> {
  const { code } = trust;
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, demoEmail(code, key)));
  if (!user) throw new Error(`Demo data: no demo user ${code}/${key}`);
  const rows = await db
    .select({ role: roleAssignments.role, departmentId: roleAssignments.departmentId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.trustId, trust.id)));
  const grants: RoleGrant[] = rows.flatMap((r) =>
    isRole(r.role) ? [{ role: r.role, trustId: trust.id, departmentId: r.departmentId }] : [],
  );
  return {
    userId: user.id,
    name: user.name,
    trustId: trust.id,
    trustName: trust.name,
    grants,
    trusts: [{ id: trust.id, name: trust.name }],
  };
}

/** The demo users of one trust who take its demo cases through the workflow. */
async function demoPeople(
  db: Db,
  trust: { id: string; code: DemoTrustCode; name: string },
): Promise<DemoPeople> {
  const actor = (key: keyof DemoPeople) => demoActor(db, trust, key);
  return {
    applicant: await actor('applicant'),
    coAuthor: await actor('coAuthor'),
    endorser: await actor('endorser'),
    decisionMaker: await actor('decisionMaker'),
    assessor: await actor('assessor'),
  };
}

/** A drug as an application names it. */
type DrugChoice = { id: string | null; label: string };

/** The drug as the application names it: the FEST product found by its name, or as written. */
async function demoDrug(db: Db, drug: DemoCase['drug']): Promise<DrugChoice> {
  if ('written' in drug) return { id: null, label: drug.written };
  const [hit] = await inApp(db, (tx) => searchDrugsIn(tx, drug.fest, 1));
  if (!hit?.name.startsWith(drug.fest)) throw new Error(`Demo cases: ${drug.fest} not in FEST`);
  return { id: hit.id, label: hit.name };
}

/**
 * One demo case, with its drug as found (`demoDrug`), from the draft to its stage; a consultation
 * goes to `consultedTrustId` (another demo trust, whose medical director then has it waiting).
 */
async function writeDemoCase(
  db: Db,
  people: DemoPeople,
  demo: Omit<DemoCase, 'drug'> & { drug: DrugChoice },
  consultedTrustId: string,
): Promise<void> {
  const draft = await createDraft(db, people.applicant, { ...demo.answers, drug: demo.drug });
  const caseId = draft.id;
  let version = draft.version;
  const step = async (actor: Actor, event: CaseEvent, reason?: string) => {
    version = (await transition(db, actor, { caseId, version, event, reason })).version;
  };
  if (demo.stage === 'draft') {
    await inviteCoAuthor(db, people.applicant, caseId, people.coAuthor.userId);
    return;
  }
  await step(people.applicant, 'submit');
  if (demo.stage === 'submitted') return;
  if (demo.stage === 'returned') {
    await step(
      people.endorser,
      'returnToApplicant',
      'Er lokal behandling med azelainsyre forsøkt? Beskriv det under «Alternativer».',
    );
    return;
  }
  version = (
    await endorseCase(db, people.endorser, {
      caseId,
      version,
      verdict: 'endorse',
      reason: 'Forankret: i tråd med avdelingens prioriteringer, og pasienten er godt utredet.',
      ratings: RATINGS,
    })
  ).version;
  if (demo.stage === 'endorsed') return;
  if (demo.stage === 'atInterregionalCommittee') {
    // Tilgangsordningen: the medical director's assessment goes on to the interregional committee.
    await step(
      people.decisionMaker,
      'forwardToInterregional',
      'Klinisk eksepsjonell etter kriteriene; prioriteringskriteriene er oppfylt. Sendt til det interregionale fagdirektørmøtet.',
    );
    return;
  }
  const decision = {
    reasonPhrase: '',
    conditionPhrases: [],
    prescriptionNotePhrase: '',
    prescriptionNote: '',
    invoicingPhrase: '',
    invoicing: '',
    revisionReason: '',
  };
  if (demo.stage === 'approvedWithConditions') {
    // The simplified flow: the medical director decides straight after the endorsement.
    await submitDecision(db, people.decisionMaker, caseId, {
      ...decision,
      event: 'decide',
      version,
      outcome: 'approvedWithConditions',
      reason: 'Innvilget for pasientgruppen i tolv måneder.',
      conditions: 'Effekten evalueres etter seks måneder; behandlingen avsluttes uten effekt.',
      evaluationDate: addDays(dateInNorway(new Date()), 182),
      // What the prescription and the invoice carry: the løpenummer (BRIEF §3).
      prescriptionNote:
        'Sykehusfinansiert legemiddelbehandling, jf. vedtak {løpenummer}. Utleveres uten kostnad for pasienten.',
      invoicing:
        'Legemiddelet faktureres helseforetaket via sykehusapoteket, merket med løpenummeret.',
    });
    return;
  }
  await step(people.decisionMaker, 'startAssessment');
  if (demo.stage === 'underAssessment') return;
  if (demo.stage === 'inConsultation') {
    await requestConsultation(db, people.decisionMaker, caseId, {
      version,
      consultedTrustId,
      question:
        'Har dere behandlet menn med HER2-positiv brystkreft med trastuzumab, og med hvilket resultat?',
      deadline: addDays(dateInNorway(new Date()), 14),
    });
    return;
  }
  if (demo.stage === 'awaitingInformation') {
    await step(
      people.assessor,
      'requestInformation',
      'Hvor mange sykluser er planlagt, og hvordan er allmenntilstanden (ECOG)?',
    );
    return;
  }
  const rejected = demo.stage === 'rejected';
  version = (
    await recommend(db, people.assessor, {
      caseId,
      version,
      outcome: rejected ? 'rejected' : 'approved',
      text: rejected
        ? 'Komiteen anbefaler avslag: nytten i fjerdelinje er ikke dokumentert.'
        : 'Komiteen anbefaler innvilgelse: alternativene er prøvd, og behandlingen er anbefalt i retningslinjer.',
    })
  ).version;
  if (demo.stage === 'recommended') return;
  await submitDecision(db, people.decisionMaker, caseId, {
    ...decision,
    event: 'decide',
    version,
    outcome: 'rejected',
    reason:
      'Avslått: nytten er ikke dokumentert i denne behandlingslinjen, og allmenntilstanden tilsier lindrende behandling.',
    conditions: '',
    evaluationDate: '',
  });
}
