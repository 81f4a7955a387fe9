import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTenant, type Db, type Tx } from '../../db/database.server';
import { cases, trustGuidance, trustGuidanceVersions, users } from '../../db/schema';
import { hasRole, type Actor } from '../auth/domain/roles';
import { formVersion } from '../../lib/form';
import { CaseError } from '../cases/domain/errors';
import {
  GUIDANCE_PLACES,
  hasGuidance,
  parseGuidance,
  type GuidanceFieldErrors,
  type GuidanceFormValues,
  type GuidancePlace,
  type LocalGuidance,
} from './domain/guidance';

/** Only the trust's administrator reads and changes its guidance here (others see it in place). */
const canAdminister = (actor: Actor) => hasRole(actor, 'trustAdmin');

/** One place's guidance as the administrator sees it: version 0 is «nothing saved yet». */
export interface GuidanceEntry extends LocalGuidance {
  place: GuidancePlace;
  version: number;
  updatedByName: string | null;
  updatedAt: Date | null;
}

/** A saved version, for the history on the edit page (newest first). */
export interface GuidanceVersion {
  version: number;
  changedByName: string;
  at: Date;
  /** The text's length and the number of links, to tell versions apart at a glance. */
  textLength: number;
  links: number;
}

const empty = (place: GuidancePlace): GuidanceEntry => ({
  place,
  text: '',
  links: [],
  version: 0,
  updatedByName: null,
  updatedAt: null,
});

async function entriesOf(tx: Tx, trustId: string): Promise<GuidanceEntry[]> {
  const rows = await tx
    .select({
      place: trustGuidance.place,
      text: trustGuidance.text,
      links: trustGuidance.links,
      version: trustGuidance.version,
      updatedByName: users.name,
      updatedAt: trustGuidance.updatedAt,
    })
    .from(trustGuidance)
    .innerJoin(users, eq(users.id, trustGuidance.updatedBy))
    .where(eq(trustGuidance.trustId, trustId));
  return GUIDANCE_PLACES.map((place) => rows.find((r) => r.place === place) ?? empty(place));
}

/** Every place's guidance of the actor's trust, for the administrator's page. */
export async function listGuidance(db: Db, actor: Actor): Promise<GuidanceEntry[]> {
  if (!canAdminister(actor)) throw new CaseError('forbidden');
  return inTenant(db, actor, (tx) => entriesOf(tx, actor.trustId));
}

async function versionsOf(tx: Tx, trustId: string, place: GuidancePlace) {
  const rows = await tx
    .select({
      version: trustGuidanceVersions.version,
      changedByName: users.name,
      at: trustGuidanceVersions.createdAt,
      textLength: sql<number>`char_length(${trustGuidanceVersions.text})`.mapWith(Number),
      links: sql<number>`jsonb_array_length(${trustGuidanceVersions.links})`.mapWith(Number),
    })
    .from(trustGuidanceVersions)
    .innerJoin(users, eq(users.id, trustGuidanceVersions.changedBy))
    .where(and(eq(trustGuidanceVersions.trustId, trustId), eq(trustGuidanceVersions.place, place)))
    .orderBy(desc(trustGuidanceVersions.version))
    .limit(20);
  return rows satisfies GuidanceVersion[];
}

/** One place's guidance of the actor's trust and its latest versions, to edit. */
export async function getGuidance(
  db: Db,
  actor: Actor,
  place: GuidancePlace,
): Promise<{ entry: GuidanceEntry; versions: GuidanceVersion[] }> {
  if (!canAdminister(actor)) throw new CaseError('forbidden');
  return inTenant(db, actor, async (tx) => {
    const entry = (await entriesOf(tx, actor.trustId)).find((e) => e.place === place);
    return {
      entry: entry ?? empty(place),
      versions: await versionsOf(tx, actor.trustId, place),
    };
  });
}

export type GuidanceSaveResult =
  | { ok: true; version: number }
  | { ok: false; errors: GuidanceFieldErrors }
  /** Someone saved the place since the form was loaded: nothing changed; what is stored now. */
  | { ok: false; conflict: GuidanceEntry };

/**
 * Saves one place's guidance of the actor's trust (administrators only): a compare-and-set on the
 * version the form was loaded with (0: none saved yet), and the new version in the history, in
 * one transaction. A stale version changes nothing and answers with what is stored now.
 */
export async function saveGuidance(
  db: Db,
  actor: Actor,
  place: GuidancePlace,
  values: GuidanceFormValues & { version: string },
): Promise<GuidanceSaveResult> {
  if (!canAdminister(actor)) throw new CaseError('forbidden');
  const expected = formVersion(values.version);
  if (expected === null) throw new CaseError('invalid');
  const parsed = parseGuidance(values);
  if (!parsed.ok) return parsed;
  const { text, links } = parsed.guidance;
  return inTenant(db, actor, async (tx) => {
    const now = new Date();
    const [saved] =
      expected === 0
        ? await tx
            .insert(trustGuidance)
            .values({
              trustId: actor.trustId,
              place,
              text,
              links,
              version: 1,
              updatedBy: actor.userId,
              updatedAt: now,
            })
            .onConflictDoNothing({ target: [trustGuidance.trustId, trustGuidance.place] })
            .returning({ version: trustGuidance.version })
        : await tx
            .update(trustGuidance)
            .set({
              text,
              links,
              version: sql`${trustGuidance.version} + 1`,
              updatedBy: actor.userId,
              updatedAt: now,
            })
            .where(
              and(
                eq(trustGuidance.trustId, actor.trustId),
                eq(trustGuidance.place, place),
                eq(trustGuidance.version, expected),
              ),
            )
            .returning({ version: trustGuidance.version });
    if (!saved) {
      const current = (await entriesOf(tx, actor.trustId)).find((e) => e.place === place);
      return { ok: false, conflict: current ?? empty(place) };
    }
    await tx.insert(trustGuidanceVersions).values({
      trustId: actor.trustId,
      place,
      version: saved.version,
      text,
      links,
      changedBy: actor.userId,
      createdAt: now,
    });
    return { ok: true, version: saved.version };
  });
}

/**
 * The guidance a trust gives for one place, or null when it has none (nothing is shown then).
 * In the caller's transaction: row-level security shows only the transaction's own trust's rows,
 * so a reader from another trust (a consulted trust) gets null, never another trust's text.
 */
export async function localGuidanceIn(
  tx: Tx,
  trustId: string,
  place: GuidancePlace,
): Promise<LocalGuidance | null> {
  const [row] = await tx
    .select({ text: trustGuidance.text, links: trustGuidance.links })
    .from(trustGuidance)
    .where(and(eq(trustGuidance.trustId, trustId), eq(trustGuidance.place, place)))
    .prepare('sp_trust_guidance')
    .execute();
  return hasGuidance(row) ? { text: row.text, links: row.links } : null;
}

/**
 * The guidance of a case's treating trust for one place (the application form). The case must be
 * one the actor sees (row-level security on `cases`); else there is none.
 */
export async function caseGuidance(
  db: Db,
  actor: Actor,
  caseId: string,
  place: GuidancePlace,
): Promise<LocalGuidance | null> {
  if (!z.uuid().safeParse(caseId).success) return null;
  return inTenant(db, actor, async (tx) => {
    const [row] = await tx
      .select({ trustId: cases.trustId })
      .from(cases)
      .where(eq(cases.id, caseId))
      .prepare('sp_case_trust')
      .execute();
    return row ? localGuidanceIn(tx, row.trustId, place) : null;
  });
}
