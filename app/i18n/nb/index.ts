/**
 * Norwegian bokmål, the message catalogue: one module per top-level namespace, gathered here.
 * The app reads it as `msg.<namespace>.<key>` (see ../index.ts); since each namespace is a module
 * of its own, the bundler puts in a page's JavaScript only the namespaces that page reads. Text a
 * component shows on another feature's pages belongs in a namespace of its own or of those pages
 * (cohortSignals, retrospectiveTag, app's menu links), not in its feature's big namespace.
 * Every other language must have exactly these exports with exactly this shape (Messages).
 */
export { app } from './app';
export { ui } from './ui';
export { login } from './login';
export { trustChoice } from './trust-choice';
export { roles } from './roles';
export { statuses } from './statuses';
export { events, eventsDone } from './events';
export { confirmations } from './confirmations';
export { eventHelp } from './event-help';
export { reasonLabels } from './reason-labels';
export { schemes } from './schemes';
export { patientScopes } from './patient-scopes';
export { outcomes } from './outcomes';
export { errors } from './errors';
export { questionnaire } from './questionnaire';
export { questionHelp } from './question-help';
export { problems } from './problems';
export { myCases } from './my-cases';
export { application } from './application';
export { caseMessages as case } from './case';
export { assessment } from './assessment';
export { historyNotes } from './history-notes';
export { autosave } from './autosave';
export { edit } from './edit';
export { loggedOut } from './logged-out';
export { summary } from './summary';
export { coAuthors } from './co-authors';
export { changes } from './changes';
export { cost } from './cost';
export { router } from './router';
export { start } from './start';
export { time } from './formats';
export { attachments } from './attachments';
export { fileSize } from './formats';
export { fest } from './fest';
export { drugSearch } from './drug-search';
export { diagnoses } from './diagnoses';
export { decisionModule } from './decision-module';
export { consultations } from './consultations';
export { dateTime } from './formats';
export { dialog } from './dialog';
export { notifications } from './notifications';
export { clocks } from './clocks';
export { privacy } from './privacy';
export { accessLog } from './access-log';
export { security } from './security';
export { signIn } from './sign-in';
export { national } from './national';
export { precedents } from './precedents';
export { cohortSignals } from './cohort-signals';
export { statistics } from './statistics';
export { interop } from './interop';
export { trustAdmin } from './trust-admin';
export { retrospective } from './retrospective';
export { retrospectiveTag } from './retrospective-tag';
export { localGuidance } from './local-guidance';
export { guidanceAdmin } from './guidance-admin';
export { machine } from './machine';
export { inquiries } from './inquiries';
