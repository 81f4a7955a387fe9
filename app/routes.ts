import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('logg-inn', 'routes/login.tsx'),
  route('logg-ut', 'routes/logout.ts'),
  route('saker/ny', 'routes/case-new.tsx'),
  route('saker/:caseId', 'routes/case.tsx'),
  route('saker/:caseId/rediger', 'routes/case-edit.tsx'),
  route('api/diagnoser', 'routes/api-diagnoses.ts'),
] satisfies RouteConfig;
