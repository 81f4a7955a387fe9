import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The repository's files, read at test time. */
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** The paths of app/routes.ts (`route('saker/:caseId/fhir', …)`), without a leading slash. */
function routePaths(source: string): string[] {
  return [...source.matchAll(/\broute\(\s*'([^']+)'/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/** Machine-readable routes: under `api/`, or ending in an export (`eksport`, `eksport.csv`) or `fhir`. */
function isMachineReadable(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  return path.startsWith('api/') || /^(eksport(\.[a-z]+)?|fhir)$/.test(last);
}

/** The endpoints docs/api.md has a section for (`## GET /api/diagnoser`). */
function documentedPaths(markdown: string): string[] {
  return [...markdown.matchAll(/^#{2,3} (?:GET|POST) \/(\S*)\s*$/gm)].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );
}

describe('docs/api.md', () => {
  const routes = routePaths(read('app/routes.ts'));
  const documented = documentedPaths(read('docs/api.md'));

  it('reads the route table', () => {
    expect(routes).toContain('saker/:caseId/fhir');
    expect(routes.filter(isMachineReadable).length).toBeGreaterThanOrEqual(8);
  });

  it.each(routes.filter(isMachineReadable))('documents %s', (path) => {
    expect(documented).toContain(path);
  });

  it('documents no route that does not exist', () => {
    expect(documented.filter((path) => !routes.includes(path))).toEqual([]);
  });

  it.each([
    ['api/legemidler', true],
    ['saker/:caseId/eksport', true],
    ['saker/:caseId/fhir', true],
    ['nasjonalt/eksport.csv', true],
    ['statistikk/eksport', true],
    ['saker/:caseId', false],
    ['nasjonalt', false],
    ['etterregistrering/mal.csv', false],
  ])('counts %s as machine-readable: %s', (path, expected) => {
    expect(isMachineReadable(path)).toBe(expected);
  });

  it('fails for a missing section', () => {
    const withoutFhir = documentedPaths('## GET /api/diagnoser\n### POST /saker/:caseId/lagre\n');
    expect(withoutFhir).toEqual(['api/diagnoser', 'saker/:caseId/lagre']);
    expect(withoutFhir).not.toContain('saker/:caseId/fhir');
  });
});
