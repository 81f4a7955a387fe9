import { describe, expect, it } from 'vitest';
import {
  csvField,
  csvLine,
  decodeCursor,
  encodeCursor,
  filterFormValues,
  icdPrefix,
  likePrefix,
  nationalQueryString,
  parseNationalQuery,
} from './overview';
import { parseRegisterQuery, registerQueryString, registerTabs } from './register';

const parse = (query: string) => parseNationalQuery(new URLSearchParams(query).entries());

describe('the national query string', () => {
  it('defaults to the newest submitted first', () => {
    expect(parse('')).toEqual({
      ok: true,
      value: { sort: 'innsendt', direction: 'synkende' },
      cursor: null,
    });
  });

  it.each([
    ['foretak=hbe', { trust: 'HBE' }],
    ['ordning=offLabel', { scheme: 'offLabel' }],
    ['omfang=group', { scope: 'group' }],
    ['utfall=rejected', { outcome: 'rejected' }],
    ['utfall=ingen', { outcome: 'ingen' }],
    ['atc=l01', { atc: 'L01' }],
    ['atc=L01FA01', { atc: 'L01FA01' }],
    ['icd=c50', { icd: 'ICD10:C50' }],
    ['icd=C50.9', { icd: 'ICD10:C50.9' }],
    ['icd=ICD10:C509', { icd: 'ICD10:C50.9' }],
    ['fra=2025-01-01&til=2025-12-31', { from: '2025-01-01', to: '2025-12-31' }],
    ['fra=01.02.2025&til=31.12.2025', { from: '2025-02-01', to: '2025-12-31' }],
    ['fra=1.2.2025', { from: '2025-02-01' }],
    ['til=+09.03.2025+', { to: '2025-03-09' }],
    ['fra=2025-01-01&til=31.01.2025', { from: '2025-01-01', to: '2025-01-31' }],
    ['etterregistrert=ja', { retrospective: true }],
    ['etterregistrert=nei', { retrospective: false }],
    ['sok=Keytruda', { freeText: 'Keytruda' }],
    ['sorter=behandlingstid&retning=stigende', { sort: 'behandlingstid', direction: 'stigende' }],
    ['ordning=&atc=', {}],
  ])('reads %s', (query, expected) => {
    const result = parse(query);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject(expected);
  });

  it.each([
    ['patientId=15838510075', 'patientId', 'unknownKey'],
    ['answers=x', 'answers', 'unknownKey'],
    ['sorter=patientId', 'sorter', 'sort'],
    ['sorter=answers', 'sorter', 'sort'],
    ['foretak=H1', 'foretak', 'trust'],
    ['ordning=annet', 'ordning', 'scheme'],
    ['omfang=alle', 'omfang', 'scope'],
    ['utfall=kanskje', 'utfall', 'outcome'],
    ['atc=L0', 'atc', 'atc'],
    ['atc=%25', 'atc', 'atc'],
    ['icd=50', 'icd', 'icd'],
    ['fra=2025-02-30', 'fra', 'date'],
    ['til=31.02.2025', 'til', 'date'],
    ['fra=1.2.25', 'fra', 'date'],
    ['fra=01-02-2025', 'fra', 'date'],
    ['fra=2025-2-1', 'fra', 'date'],
    ['fra=02.01.2025&til=01.01.2025', 'til', 'period'],
    ['fra=2025-02-01&til=2025-01-01', 'til', 'period'],
    ['etterregistrert=kanskje', 'etterregistrert', 'retrospective'],
    [`sok=${'x'.repeat(101)}`, 'sok', 'freeText'],
    ['retning=opp', 'retning', 'direction'],
    ['etter=ikke-en-markor', 'etter', 'cursor'],
    ['atc=L01&atc=L04', 'atc', 'repeated'],
  ])('refuses %s', (query, key, error) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[key]).toBe(error);
  });

  it('round-trips a filter with its cursor', () => {
    const filter = parse('ordning=offLabel&atc=L01&icd=C50&sorter=vedtatt&retning=stigende');
    if (!filter.ok) throw new Error('expected a filter');
    const cursor = {
      sort: 'vedtatt:stigende',
      key: '2025-03-01 10:00:00.123456+00',
      id: '4b0c3b8e-5d3a-4c59-9a5e-0a4f1d5a2b11',
    };
    const again = parse(nationalQueryString(filter.value, cursor));
    expect(again).toEqual({ ok: true, value: filter.value, cursor });
  });

  it('gives dates typed the Norwegian way back in ISO (links, cursor, exports)', () => {
    const filter = parse('fra=1.2.2024&til=31.12.2024&sorter=vedtatt');
    if (!filter.ok) throw new Error('expected a filter');
    const cursor = {
      sort: 'vedtatt:synkende',
      key: '2024-03-01 10:00:00+00',
      id: '4b0c3b8e-5d3a-4c59-9a5e-0a4f1d5a2b11',
    };
    const canonical = new URLSearchParams(nationalQueryString(filter.value, cursor));
    expect([canonical.get('fra'), canonical.get('til')]).toEqual(['2024-02-01', '2024-12-31']);
    expect(parse(canonical.toString())).toEqual({ ok: true, value: filter.value, cursor });
  });

  it('refuses a cursor made for another sort or with a key of the wrong kind', () => {
    const id = '4b0c3b8e-5d3a-4c59-9a5e-0a4f1d5a2b11';
    const forDecided = encodeCursor({ sort: 'vedtatt:synkende', key: '2025-03-01', id });
    expect(parse(`etter=${forDecided}`).ok).toBe(false);
    const textKey = encodeCursor({ sort: 'behandlingstid:synkende', key: 'abc', id });
    expect(parse(`sorter=behandlingstid&etter=${textKey}`).ok).toBe(false);
    expect(decodeCursor(encodeCursor({ sort: 's', key: 'k', id: 'not-a-uuid' }), 's')).toBe(
      undefined,
    );
  });
});

describe('helpers', () => {
  it.each([
    ['C', 'ICD10:C'],
    ['c5', 'ICD10:C5'],
    ['C50', 'ICD10:C50'],
    ['C50.91', 'ICD10:C50.91'],
    ['ICD-10 c50.9', 'ICD10:C50.9'],
    ['50', undefined],
    ['C50.9.9', undefined],
  ])('ICD-10 prefix %s', (input, expected) => {
    expect(icdPrefix(input)).toBe(expected);
  });

  it('escapes LIKE wildcards in user text', () => {
    expect(likePrefix('50%_\\')).toBe('50\\%\\_\\\\%');
  });

  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1+2', "'-1+2"],
  ])('CSV field %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('writes numbers and empty fields as they are, lines with CRLF', () => {
    expect(csvLine(['HBE-2025-00001', 12, null, -3])).toBe('HBE-2025-00001;12;;-3\r\n');
  });
});

describe('the register query string', () => {
  const reg = (query: string) => parseRegisterQuery(new URLSearchParams(query).entries());
  it('reads tab, status, period and text', () => {
    expect(reg('fane=avdeling&status=decided&fra=2025-01-01&sok=HBE')).toEqual({
      ok: true,
      value: { tab: 'avdeling', status: 'decided', from: '2025-01-01', freeText: 'HBE' },
      cursor: null,
    });
  });
  it.each([
    ['', undefined, 'mine'],
    ['', 'foretak', 'foretak'],
    ['fane=mine', 'foretak', 'mine'],
    ['status=decided', 'avdeling', 'avdeling'],
  ] as const)('opens %j with the default tab %s on %s', (query, defaultTab, tab) => {
    const result = parseRegisterQuery(new URLSearchParams(query).entries(), defaultTab);
    expect(result.ok && result.value.tab).toBe(tab);
  });
  it.each([
    ['fra=01.02.2025&til=28.2.2025', { from: '2025-02-01', to: '2025-02-28' }],
    ['fra=2025-02-01', { from: '2025-02-01' }],
  ])('reads the period %s, given back in ISO', (query, period) => {
    const result = reg(query);
    expect(result).toEqual({ ok: true, value: { tab: 'mine', ...period }, cursor: null });
    if (result.ok) {
      const canonical = new URLSearchParams(registerQueryString(result.value));
      expect(canonical.get('fra')).toBe(period.from);
    }
  });
  const DEPARTMENT = '0f8fad5b-d9cb-469f-a165-70867728950e';
  it.each([
    [`avdeling=${DEPARTMENT}`, { tab: 'mine', department: DEPARTMENT }],
    [`avdeling=${DEPARTMENT.toUpperCase()}`, { tab: 'mine', department: DEPARTMENT }],
    [`avdeling=%20${DEPARTMENT}%20`, { tab: 'mine', department: DEPARTMENT }],
    ['avdeling=', { tab: 'mine' }],
    [
      `fane=foretak&avdeling=${DEPARTMENT}&status=submitted`,
      { tab: 'foretak', status: 'submitted', department: DEPARTMENT },
    ],
  ] as const)('reads the department of %j, given back as it was read', (query, value) => {
    const result = reg(query);
    expect(result).toEqual({ ok: true, value, cursor: null });
    if (result.ok) {
      const again = reg(registerQueryString(result.value));
      expect(again).toEqual(result);
    }
  });
  it('keeps the department in the next page’s link, beside the cursor', () => {
    const cursor = { sort: 'register:foretak', key: '2025-01-05 10:00:00+00', id: DEPARTMENT };
    const query = registerQueryString({ tab: 'foretak', department: DEPARTMENT }, cursor);
    const result = reg(query);
    expect(result).toEqual({ ok: true, value: { tab: 'foretak', department: DEPARTMENT }, cursor });
  });
  it.each([
    ['fane=alle', 'fane', 'tab'],
    ['status=ukjent', 'status', 'status'],
    ['avdeling=Kreftavdelingen', 'avdeling', 'department'],
    ['avdeling=1', 'avdeling', 'department'],
    [`avdeling=${DEPARTMENT}x`, 'avdeling', 'department'],
    [`avdeling=${DEPARTMENT}&avdeling=${DEPARTMENT}`, 'avdeling', 'repeated'],
    ['patientId=1', 'patientId', 'unknownKey'],
    ['fra=2025-13-01', 'fra', 'date'],
    ['til=30.02.2025', 'til', 'date'],
    ['fra=01.03.2025&til=01.02.2025', 'til', 'period'],
  ])('refuses %s', (query, key, error) => {
    const result = reg(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[key]).toBe(error);
  });
  it.each([
    [{ endorser: false, decisionMaker: false, assessor: false }, ['mine']],
    [{ endorser: true, decisionMaker: false, assessor: false }, ['mine', 'avdeling']],
    [{ endorser: false, decisionMaker: false, assessor: true }, ['mine', 'foretak']],
    [{ endorser: true, decisionMaker: true, assessor: false }, ['mine', 'avdeling', 'foretak']],
  ])('tabs for %j', (roles, tabs) => {
    expect(registerTabs(roles)).toEqual(tabs);
  });
});

describe('the filter form values', () => {
  it.each([
    ['fra=01.02.2025&til=2025-02-28&sok=x', { fra: '2025-02-01', til: '2025-02-28', sok: 'x' }],
    ['fra=1.2.2025', { fra: '2025-02-01' }],
    ['fra=31.02.2025', { fra: '31.02.2025' }],
    ['til=', { til: '' }],
    ['atc=L01', { atc: 'L01' }],
  ])('%s', (query, expected) => {
    expect(filterFormValues(new URLSearchParams(query))).toEqual(expected);
  });
});
