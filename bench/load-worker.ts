/**
 * The load generator, run as its own process by bench/load.bench.ts: one autocannon client (one
 * connection) per virtual user, each with its own session cookie and script, spread over the app
 * instances. Reads the plan from the file named by argv[2], writes what it saw to argv[3].
 *
 * Applicants write (with a read between applications): start a draft, fill it in, autosave a unique
 * value into one field twice, submit (løpenummer), then race their own withdrawal against an
 * endorser's return of the same case at the same version (compare-and-set: one wins, the other
 * gets 409). Endorsers take those cases from a shared queue, else read. Readers only read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon, { type RawRequest } from 'autocannon';
import { completeAnswers } from '../app/test/actors';
import type { CaseAcks, LoadActor } from './two-instances';

export interface LoadPlan {
  urls: string[];
  seconds: number;
  users: (LoadActor & { cookie: string })[];
}

export type RequestKind =
  | 'my cases'
  | 'case page'
  | 'national overview'
  | 'national filtered'
  | 'statistics'
  | 'drug search'
  | 'diagnosis search'
  | 'create draft'
  | 'fill in'
  | 'autosave'
  | 'submit'
  | 'race transition';

export interface LoadResult {
  elapsedSeconds: number;
  latencies: Partial<Record<RequestKind, number[]>>;
  /** Answers other than 2xx/3xx, except the 409s a lost race expects. */
  errors: { kind: RequestKind; status: number; path: string; body: string }[];
  expectedConflicts: number;
  acks: Record<string, CaseAcks>;
}

/** Writes stop this long before the end, so every write sent has its answer. */
const DRAIN_SECONDS = 3;
const AUTOSAVES = 2;
/** Reads an applicant does at most while waiting for an endorser to race them. */
const RACE_PATIENCE = 4;
const DRUG_TERMS = ['rituximab', 'metotreksat', 'pembrolizumab', 'adalimumab', 'paracet'];
const DIAGNOSIS_TERMS = ['C50', 'nefropati', 'astma', 'diabetes', 'M05'];
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const { scheme, patientScope, ...rest } = completeAnswers;
const FILL = Object.fromEntries(
  Object.entries(rest).map(([id, value]) => [id, { base: null, value }]),
);
const LOCATION = /^\/saker\/([0-9a-f-]{36})(\/rediger|\?utfort=)/;

interface Step {
  kind: RequestKind;
  request: RawRequest;
  /** Handles the answer; returns whether it was expected (2xx/3xx or an expected 409). */
  onAnswer?: (status: number, body: string, location: string) => void;
  write?: string;
}

interface Race {
  caseId: string;
  version: number;
  trustId: string;
  departmentId: string | null;
  taken: boolean;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function main() {
  const [planFile, outFile] = process.argv.slice(2);
  if (!planFile || !outFile) throw new Error('usage: load-worker <plan.json> <result.json>');
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;
  const started = Date.now();
  const writing = () => Date.now() - started < (plan.seconds - DRAIN_SECONDS) * 1000;
  const result: LoadResult = {
    elapsedSeconds: 0,
    latencies: {},
    errors: [],
    expectedConflicts: 0,
    acks: {},
  };
  const races: Race[] = [];
  let sequence = 0;

  const runs = plan.users.map((user, index) => {
    const url = plan.urls[index % plan.urls.length] ?? '';
    const origin = new URL(url).origin;
    const headers = (contentType?: string): Record<string, string> => ({
      cookie: user.cookie,
      origin,
      ...(contentType ? { 'content-type': contentType } : {}),
    });
    const get = (kind: RequestKind, path: string): Step => ({
      kind,
      request: { method: 'GET', path, headers: headers() },
    });
    let reads = 0;
    const read = (): Step => {
      const n = reads++;
      const caseId = user.caseIds.length > 0 ? user.caseIds[n % user.caseIds.length] : undefined;
      const term = (list: string[]) => encodeURIComponent(list[n % list.length] ?? '');
      switch (n % 10) {
        case 0:
          return get('my cases', '/');
        case 1:
        case 2:
          return caseId ? get('case page', `/saker/${caseId}`) : get('my cases', '/');
        case 3:
          return get('national overview', '/nasjonalt');
        case 4:
          return get('national filtered', '/nasjonalt?ordning=offLabel&sorter=behandlingstid');
        case 5:
          return get('statistics', '/statistikk');
        case 6:
        case 7:
          return get('drug search', `/api/legemidler?q=${term(DRUG_TERMS)}`);
        default:
          return get('diagnosis search', `/api/diagnoser?q=${term(DIAGNOSIS_TERMS)}`);
      }
    };

    // The applicant's script, one write at a time.
    let caseId = '';
    let version = 0;
    let evidence = '';
    let saves = 0;
    let phase: 'create' | 'fill' | 'autosave' | 'submit' | 'race' = 'create';
    let myRace: Race | null = null;
    let waited = 0;
    const acksOf = () => result.acks[caseId];
    const restart = () => {
      phase = 'create';
    };
    const applicantWrite = (): Step => {
      const path = `/saker/${caseId}`;
      switch (phase) {
        case 'create':
          return {
            kind: 'create draft',
            write: 'create',
            request: {
              method: 'POST',
              path: '/saker/ny',
              headers: headers('application/x-www-form-urlencoded'),
              body: form({
                'q.scheme': text(scheme),
                'q.scheme.present': '1',
                'q.patientScope': text(patientScope),
                'q.patientScope.present': '1',
              }),
            },
            onAnswer: (status, _body, location) => {
              const id = status === 302 ? LOCATION.exec(location)?.[1] : undefined;
              if (!id) return restart();
              caseId = id;
              phase = 'fill';
            },
          };
        case 'fill':
          return {
            kind: 'fill in',
            write: caseId,
            request: {
              method: 'POST',
              path: `${path}/lagre`,
              headers: headers('application/json'),
              body: JSON.stringify({ changes: FILL }),
            },
            onAnswer: (status, body) => {
              if (status !== 200) return restart();
              version = (JSON.parse(body) as { version: number }).version;
              evidence = text(completeAnswers.evidence);
              saves = 0;
              result.acks[caseId] = {
                fillVersion: version,
                autosaves: [],
                submitted: false,
                won: [],
                lost: [],
                unknown: 0,
              };
              phase = 'autosave';
            },
          };
        case 'autosave': {
          const value = `Lasttest ${process.pid}-${++sequence}`;
          return {
            kind: 'autosave',
            write: caseId,
            request: {
              method: 'POST',
              path: `${path}/lagre`,
              headers: headers('application/json'),
              body: JSON.stringify({ changes: { evidence: { base: evidence, value } } }),
            },
            onAnswer: (status, body) => {
              if (status !== 200) return restart();
              const saved = JSON.parse(body) as { version: number; applied: string[] };
              if (saved.applied.includes('evidence')) {
                acksOf()?.autosaves.push({ value, version: saved.version });
                evidence = value;
              }
              version = saved.version;
              if (++saves >= AUTOSAVES) phase = 'submit';
            },
          };
        }
        case 'submit':
          return {
            kind: 'submit',
            write: caseId,
            request: {
              method: 'POST',
              path: `${path}/oppsummering`,
              headers: headers('application/x-www-form-urlencoded'),
              body: form({ event: 'submit', version: String(version) }),
            },
            onAnswer: (status) => {
              if (status !== 302) return restart();
              const acks = acksOf();
              if (acks) acks.submitted = true;
              version += 1;
              myRace = {
                caseId,
                version,
                trustId: user.trustId,
                departmentId: user.departmentId,
                taken: false,
              };
              races.push(myRace);
              waited = 0;
              phase = 'race';
            },
          };
        case 'race':
          return raceStep(caseId, version, 'withdraw', () => restart());
      }
    };
    const raceStep = (id: string, at: number, event: string, then: () => void): Step => ({
      kind: 'race transition',
      write: id,
      request: {
        method: 'POST',
        path: `/saker/${id}`,
        headers: headers('application/x-www-form-urlencoded'),
        body: form({ event, version: String(at), reason: 'Lasttest: samtidig handling' }),
      },
      onAnswer: (status) => {
        const acks = result.acks[id];
        if (status === 302) acks?.won.push(event);
        if (status === 409) acks?.lost.push(event);
        then();
      },
    });
    const endorserWrite = (): Step | null => {
      const race = races.find(
        (r) =>
          !r.taken &&
          r.trustId === user.trustId &&
          (user.departmentId === null || r.departmentId === user.departmentId),
      );
      if (!race) return null;
      race.taken = true;
      return raceStep(race.caseId, race.version, 'returnToApplicant', () => undefined);
    };

    let turn = 0;
    let current: Step = user.role === 'applicant' ? applicantWrite() : read();
    const next = (): Step => {
      turn++;
      if (!writing()) return read();
      if (user.role === 'applicant') {
        // A read between applications; before the race, reads until an endorser has sent theirs.
        if (phase === 'create' && turn % 2 === 0) return read();
        if (phase === 'race' && !myRace?.taken && waited++ < RACE_PATIENCE) return read();
        return applicantWrite();
      }
      if (user.role === 'endorser') return endorserWrite() ?? read();
      return read();
    };
    let answered = true;
    const instance = autocannon({
      url,
      connections: 1,
      duration: plan.seconds,
      timeout: 60,
      requests: [
        {
          setupRequest: (request) => {
            if (!answered && current.write) {
              const acks = result.acks[current.write];
              if (acks) acks.unknown++;
            }
            current = turn === 0 && answered ? current : next();
            if (turn === 0) turn = 1;
            answered = false;
            return { ...request, ...current.request };
          },
          onResponse: (status, body, _context, responseHeaders) => {
            answered = true;
            const location = responseHeaders.location ?? responseHeaders.Location ?? '';
            const isRace = current.kind === 'race transition';
            if (isRace && status === 409) result.expectedConflicts++;
            else if (status >= 400 || status < 200) {
              result.errors.push({
                kind: current.kind,
                status,
                path: current.request.path ?? '',
                body: body.slice(0, 200),
              });
            }
            current.onAnswer?.(
              status,
              body,
              Array.isArray(location) ? (location[0] ?? '') : location,
            );
          },
        },
      ],
    });
    instance.on('response', (_client, _status, _bytes, ms) => {
      (result.latencies[current.kind] ??= []).push(ms);
    });
    return {
      done: instance,
      unanswered: () => {
        if (!answered && current.write) {
          const acks = result.acks[current.write];
          if (acks) acks.unknown++;
        }
      },
    };
  });
  await Promise.all(runs.map((r) => r.done));
  for (const r of runs) r.unanswered();
  result.elapsedSeconds = (Date.now() - started) / 1000;
  writeFileSync(outFile, JSON.stringify(result));
}

await main();
