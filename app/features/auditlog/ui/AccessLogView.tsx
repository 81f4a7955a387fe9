import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { msg } from '../../../i18n';
import { isCaseRole } from '../../auth/domain/roles';
import { isCaseEvent } from '../../cases/domain/workflow';
import type { Purpose } from '../domain/purposes';
import type { Finding } from '../domain/unusual';
import { RouteLink } from '../../../ui/RouteLink';
import { TableScroll } from '../../../ui/TableScroll';

const t = msg.accessLog;

export interface LogRow {
  id: number;
  seq: number;
  at: Date | string;
  userName: string;
  userHpr: string | null;
  readerTrustName: string | null;
  role: string;
  caseId: string | null;
  caseNumber: string | null;
  action: string;
  purpose: Purpose;
  objectId: string | null;
}

type Serialised<T> = T extends Date
  ? Date | string
  : T extends object
    ? { [K in keyof T]: Serialised<T[K]> }
    : T;

export interface UnusualRow {
  finding: Serialised<Finding>;
  userName: string;
  caseNumber: string | null;
}

const roleLabel = (role: string) => (isCaseRole(role) ? msg.roles[role] : role);
const actionLabel = (action: string) =>
  t.actions[action] ?? (isCaseEvent(action) ? msg.eventsDone[action] : action);

function CaseLink({ caseId, caseNumber }: { caseId: string | null; caseNumber: string | null }) {
  if (!caseId) return <>{t.noCase}</>;
  return (
    <span className="sp-nowrap">
      <RouteLink to={`/saker/${caseId}`}>{caseNumber ?? msg.case.draftLabel}</RouteLink>
    </span>
  );
}

/**
 * The trust's access log, newest first. Who read: name and HPR number, and their trust: this
 * trust's own people, or a consulted trust's (ADR 0025).
 */
export function AccessLogTable({ rows, trustName }: { rows: LogRow[]; trustName: string }) {
  if (rows.length === 0) return <Paragraph>{t.noEntries}</Paragraph>;
  return (
    <div>
      <TableScroll label={t.entriesTitle} wide>
        <Table data-size="sm">
          <caption className="ds-sr-only">{t.entriesTitle}</caption>
          <Table.Head>
            <Table.Row>
              {(
                [
                  'seq',
                  'at',
                  'user',
                  'hpr',
                  'readerTrust',
                  'role',
                  'caseNumber',
                  'action',
                  'purpose',
                  'object',
                ] as const
              ).map((c) => (
                <Table.HeaderCell key={c}>{t.columns[c]}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{r.seq}</Table.Cell>
                <Table.Cell>{msg.dateTime(new Date(r.at))}</Table.Cell>
                <Table.Cell>{r.userName}</Table.Cell>
                <Table.Cell>{r.userHpr ?? ''}</Table.Cell>
                <Table.Cell>
                  {r.readerTrustName ? (
                    <Tag data-color="info">{t.otherTrust(r.readerTrustName)}</Tag>
                  ) : (
                    trustName
                  )}
                </Table.Cell>
                <Table.Cell>{roleLabel(r.role)}</Table.Cell>
                <Table.Cell>
                  <CaseLink caseId={r.caseId} caseNumber={r.caseNumber} />
                </Table.Cell>
                <Table.Cell>{actionLabel(r.action)}</Table.Cell>
                <Table.Cell>{t.purposes[r.purpose]}</Table.Cell>
                <Table.Cell>{r.objectId ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </div>
  );
}

/** Unusual access for manual follow-up. */
export function UnusualAccessTable({ rows }: { rows: UnusualRow[] }) {
  return (
    <section aria-labelledby="unusual-access" className="sp-stack">
      <Heading level={2} data-size="sm" id="unusual-access">
        {t.unusualTitle}
      </Heading>
      <Paragraph data-size="sm">{t.unusualIntro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t.noUnusual}</Paragraph>
      ) : (
        <div>
          <TableScroll label={t.unusualTitle}>
            <Table data-size="sm">
              <caption className="ds-sr-only">{t.unusualTitle}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.unusualColumns.kind}</Table.HeaderCell>
                  <Table.HeaderCell>{t.unusualColumns.user}</Table.HeaderCell>
                  <Table.HeaderCell>{t.unusualColumns.caseNumber}</Table.HeaderCell>
                  <Table.HeaderCell>{t.unusualColumns.at}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map(({ finding: f, userName, caseNumber }, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>
                      <Tag data-color="warning">
                        {f.kind === 'manyCases'
                          ? t.findings.manyCases(f.cases)
                          : f.kind === 'selfGranted'
                            ? t.findings.selfGranted(msg.roles[f.role])
                            : t.findings[f.kind]}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>{userName}</Table.Cell>
                    <Table.Cell>
                      {f.kind === 'manyCases' || f.kind === 'selfGranted' ? (
                        t.noCase
                      ) : (
                        <CaseLink caseId={f.caseId} caseNumber={caseNumber} />
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {f.kind === 'manyCases'
                        ? `${msg.dateTime(new Date(f.from))} – ${msg.dateTime(new Date(f.to))}`
                        : msg.dateTime(new Date(f.at))}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </div>
      )}
    </section>
  );
}

/** The chain's head: what the log controller notes outside the portal (ADR 0025). */
export function ChainHead({ head }: { head: { trustCode: string; seq: number; hash: string } }) {
  return (
    <section aria-labelledby="chain-head" className="sp-stack">
      <Heading level={2} data-size="sm" id="chain-head">
        {t.headTitle}
      </Heading>
      <Paragraph data-size="sm">{t.headIntro}</Paragraph>
      <dl className="sp-dl">
        <dt>{t.headSeq}</dt>
        <dd>{head.seq}</dd>
        <dt>{t.headHash}</dt>
        <dd>
          <code>{head.hash}</code>
        </dd>
        <dt>{t.headAnchor}</dt>
        <dd>
          <code>{`--anchor ${head.trustCode}:${head.seq}:${head.hash}`}</code>
        </dd>
      </dl>
    </section>
  );
}
