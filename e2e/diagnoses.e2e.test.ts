import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../app/test/databases';
import { useAppAndBrowser } from './harness';

/** What `GET /api/diagnoser` answers. */
interface SearchResponse {
  diagnoses: { system: string; code: string; text: string }[];
}

describe.each(TEST_DATABASES)('the diagnosis search API in Chromium on %s', (kind) => {
  const e2e = useAppAndBrowser(kind);
  let doctor: Page;

  beforeAll(async () => {
    doctor = await e2e.signIn('Ingrid Haugland');
  });

  const search = async (q: string) => {
    const response = await doctor.request.get(`${e2e.app.url}/api/diagnoser`, { params: { q } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    return (await response.json()) as SearchResponse;
  };

  it.each([
    ['c509', { system: 'ICD10', code: 'C50.9', text: 'Ondartet svulst i bryst, uspesifisert' }],
    ['C50.9', { system: 'ICD10', code: 'C50.9', text: 'Ondartet svulst i bryst, uspesifisert' }],
    ['x76', { system: 'ICPC2', code: 'X76', text: 'Ondartet svulst bryst (K)' }],
    ['Ménière', { system: 'ICD10', code: 'H81.0', text: 'Ménières sykdom' }],
  ])('finds %s first', async (q, first) => {
    const { diagnoses } = await search(q);
    expect(diagnoses[0]).toEqual(first);
  });

  it('searches words in Norwegian, with æøå, across both systems', async () => {
    const { diagnoses } = await search('brystkreft');
    const codes = diagnoses.map((d) => `${d.system}:${d.code}`);
    expect(codes).toEqual(expect.arrayContaining(['ICPC2:X76', 'ICD10:C50.9']));
    expect((await search('årebetennelse')).diagnoses.map((d) => d.code)).toContain('K94');
  });

  it('limits the results and answers an empty query with none', async () => {
    expect((await search('svulst')).diagnoses).toHaveLength(20);
    expect((await search('')).diagnoses).toEqual([]);
    expect((await search('xyzzy')).diagnoses).toEqual([]);
  });

  it('sends anonymous requests to the login page', async () => {
    const response = await fetch(`${e2e.app.url}/api/diagnoser?q=c509`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/logg-inn');
  });
});
