import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('logg-inn', 'routes/login.tsx'),
  route('logg-ut', 'routes/logout.ts'),
  route('saker/ny', 'routes/case-new.tsx'),
  route('saker/:caseId', 'routes/case.tsx'),
  route('saker/:caseId/rediger', 'routes/case-edit.tsx'),
  route('saker/:caseId/lagre', 'routes/case-save.ts'),
  route('saker/:caseId/oppsummering', 'routes/case-summary.tsx'),
  route('saker/:caseId/eksport', 'routes/case-export.ts'),
  route('saker/:caseId/vedlegg', 'routes/attachment-upload.ts'),
  route('saker/:caseId/vedlegg/:attachmentId', 'routes/attachment-download.ts'),
  route('saker/:caseId/vedlegg/:attachmentId/slett', 'routes/attachment-delete.ts'),
  route('saker/:caseId/haster', 'routes/case-urgency.tsx'),
  route('saker/:caseId/utfall', 'routes/case-outcome.tsx'),
  route('saker/:caseId/ny-soknad', 'routes/case-reapply.ts'),
  route('admin/frister', 'routes/admin-deadlines.tsx'),
  route('api/legemidler', 'routes/api.legemidler.ts'),
  route('api/diagnoser', 'routes/api-diagnoses.ts'),
] satisfies RouteConfig;
