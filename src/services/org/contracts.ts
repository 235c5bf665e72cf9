import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contractSignoffs, people, podMembers, pods, strategyContracts } from '../../db/schema/index.ts';
import { contractState, mayProposeContract, signedAtOf } from '../../domain/org/contracts.ts';
import { todayIn } from '../../shared/calendar.ts';
import {
  type TContractInput,
  type TContractVersion,
  type TPodContract,
  type TPodContractSummary,
  ZContractInput,
} from '../../shared/contracts.ts';
import { AppError, type FieldError, forbidden, invalid, joinPath, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { askSigners, tellSigned } from './contract-messages.ts';
import { getSettings } from './settings.ts';

/**
 * A pod's strategy contract (issue 15): append-only versions, each with the people named to sign it. The rules
 * of who may propose live in domain/org/contracts.ts (shared with the policy); reading is the policy's call.
 */

/** The contract as a read model, with what the policy decides on (the pod's PMs, the current signers). */
export interface PodContractView extends Omit<TPodContract, 'permissions'> {
  pmIds: string[];
  signerIds: string[];
}

type ContractRow = typeof strategyContracts.$inferSelect;
type PodFacts = { id: string; name: string; slug: string; pmIds: string[] };

async function podFacts(db: Db, podId: string, lock = false): Promise<PodFacts | null> {
  const q = db.select({ id: pods.id, name: pods.name, slug: pods.slug }).from(pods).where(eq(pods.id, podId));
  const [pod] = lock ? await q.for('update') : await q;
  if (!pod) return null;
  const pms = await db
    .select({ id: podMembers.personId })
    .from(podMembers)
    .where(and(eq(podMembers.podId, podId), eq(podMembers.role, 'pm')));
  return { ...pod, pmIds: pms.map((p) => p.id) };
}

/** Versions (newest first) with their signers, dates as the org's days. */
async function versionsOf(db: Db, rows: ContractRow[], timeZone: string): Promise<TContractVersion[]> {
  if (!rows.length) return [];
  const signoffs = await db
    .select({
      contractId: contractSignoffs.contractId,
      personId: contractSignoffs.personId,
      name: people.name,
      requestedAt: contractSignoffs.requestedAt,
      signedAt: contractSignoffs.signedAt,
    })
    .from(contractSignoffs)
    .innerJoin(people, eq(people.id, contractSignoffs.personId))
    .where(
      inArray(
        contractSignoffs.contractId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(contractSignoffs.requestedAt), asc(people.name));
  const day = (d: Date) => todayIn(timeZone, d);
  return rows.map((r) => {
    const signers = signoffs
      .filter((s) => s.contractId === r.id)
      .map((s) => ({
        personId: s.personId,
        name: s.name,
        requestedAt: s.requestedAt.toISOString(),
        signedAt: s.signedAt?.toISOString() ?? null,
        signedOn: s.signedAt ? day(s.signedAt) : null,
      }));
    const signedAt = signedAtOf(signers);
    return {
      id: r.id,
      version: r.version,
      goal: r.goal,
      hypothesis: r.hypothesis,
      rightToWin: r.rightToWin,
      metrics: r.metrics,
      risks: r.risks,
      deadline: r.deadline,
      createdBy: r.createdByLabel,
      createdAt: r.createdAt.toISOString(),
      createdOn: day(r.createdAt),
      state: contractState(signers),
      signedAt,
      signedOn: signedAt ? day(new Date(signedAt)) : null,
      signers,
    };
  });
}

/** The pod's contract: the current version and its state, the versions before it; null when there is no pod. */
export async function readPodContract(db: Db, podId: string): Promise<PodContractView | null> {
  const pod = await podFacts(db, podId);
  if (!pod) return null;
  const rows = await db
    .select()
    .from(strategyContracts)
    .where(eq(strategyContracts.podId, podId))
    .orderBy(desc(strategyContracts.version));
  const [current, ...previous] = await versionsOf(db, rows, (await getSettings(db)).timeZone);
  return {
    podId: pod.id,
    podName: pod.name,
    podSlug: pod.slug,
    state: current?.state ?? 'none',
    contract: current ?? null,
    previous,
    pmIds: pod.pmIds,
    signerIds: current?.signers.map((s) => s.personId) ?? [],
  };
}

/**
 * When the pod's current contract version was fully signed off (the last named signer's signature), or null:
 * no contract, nobody named, or someone still to sign. Lead time to the pod's first launch counts from here.
 */
export async function signedOnOf(db: Db, podId: string): Promise<Date | null> {
  const [current] = await db
    .select({ id: strategyContracts.id })
    .from(strategyContracts)
    .where(eq(strategyContracts.podId, podId))
    .orderBy(desc(strategyContracts.version))
    .limit(1);
  if (!current) return null;
  const rows = await db
    .select({ signedAt: contractSignoffs.signedAt })
    .from(contractSignoffs)
    .where(eq(contractSignoffs.contractId, current.id));
  const at = signedAtOf(rows.map((r) => ({ name: '', signedAt: r.signedAt?.toISOString() ?? null })));
  return at ? new Date(at) : null;
}

/** Each pod's contract in a line (state, version, signed on) and its current signers: the pods list's badge. */
export async function contractSummaries(
  db: Db,
  podIds: string[],
): Promise<Map<string, TPodContractSummary & { signerIds: string[] }>> {
  const out = new Map<string, TPodContractSummary & { signerIds: string[] }>();
  for (const id of podIds) out.set(id, { state: 'none', version: null, signedOn: null, signerIds: [] });
  if (!podIds.length) return out;
  const current = await db
    .selectDistinctOn([strategyContracts.podId], {
      id: strategyContracts.id,
      podId: strategyContracts.podId,
      version: strategyContracts.version,
    })
    .from(strategyContracts)
    .where(inArray(strategyContracts.podId, podIds))
    .orderBy(strategyContracts.podId, desc(strategyContracts.version));
  if (!current.length) return out;
  const signoffs = await db
    .select()
    .from(contractSignoffs)
    .where(
      inArray(
        contractSignoffs.contractId,
        current.map((c) => c.id),
      ),
    );
  const timeZone = (await getSettings(db)).timeZone;
  for (const c of current) {
    const mine = signoffs.filter((s) => s.contractId === c.id);
    const facts = mine.map((s) => ({ name: '', signedAt: s.signedAt?.toISOString() ?? null }));
    const signedAt = signedAtOf(facts);
    out.set(c.podId, {
      state: contractState(facts),
      version: c.version,
      signedOn: signedAt ? todayIn(timeZone, new Date(signedAt)) : null,
      signerIds: mine.map((s) => s.personId),
    });
  }
  return out;
}

/** Signers named in a request: known, active, each once. Paths are the body's (`signers.2`). */
async function checkSigners(tx: Db, ids: readonly string[]): Promise<FieldError[]> {
  const rows = ids.length
    ? await tx
        .select({ id: people.id, name: people.name, active: people.active })
        .from(people)
        .where(inArray(people.id, [...new Set(ids)]))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const p = byId.get(id);
    const path = `signers.${i}`;
    if (!p) errors.push({ path, message: 'is not a known person' });
    else if (!p.active) errors.push({ path, message: `${p.name} is no longer active` });
    else if (ids.indexOf(id) !== i) errors.push({ path, message: `names ${p.name} twice` });
  });
  return errors;
}

async function lockPodFor(tx: Db, actor: Actor, podId: string): Promise<PodFacts> {
  const pod = await podFacts(tx, podId, true);
  if (!pod) throw notFound('pod');
  if (!mayProposeContract(actor, pod.pmIds))
    throw forbidden("only the pod's PM, Product Ops or the Head of Product may change its strategy contract");
  return pod;
}

async function currentRow(tx: Db, podId: string): Promise<ContractRow | null> {
  const [row] = await tx
    .select()
    .from(strategyContracts)
    .where(eq(strategyContracts.podId, podId))
    .orderBy(desc(strategyContracts.version))
    .limit(1);
  return row ?? null;
}

async function nameOf(tx: Db, actor: Actor): Promise<string> {
  if (!actor.personId) return actor.label;
  const [p] = await tx.select({ name: people.name }).from(people).where(eq(people.id, actor.personId));
  return p?.name ?? actor.label;
}

async function activeSignersOf(tx: Db, contractId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: contractSignoffs.personId })
    .from(contractSignoffs)
    .innerJoin(people, eq(people.id, contractSignoffs.personId))
    .where(and(eq(contractSignoffs.contractId, contractId), eq(people.active, true)))
    .orderBy(asc(contractSignoffs.requestedAt));
  return rows.map((r) => r.id);
}

export interface ProposeOptions {
  db: Db;
  actor: Actor;
  podId: string;
  input: TContractInput;
  now: Date;
}

/**
 * A new version of the pod's contract. Its signers are the ones named, or (none named) the previous version's
 * still active; each is asked through the delivery system, and nobody's earlier signature carries over.
 */
export async function proposeContractVersion(o: ProposeOptions): Promise<PodContractView> {
  const parsed = ZContractInput.safeParse(o.input);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => ({ path: joinPath(i.path), message: i.message })));
  const input = parsed.data;
  return o.db.transaction(async (tx) => {
    const pod = await lockPodFor(tx, o.actor, o.podId);
    if (input.signers) {
      const errors = await checkSigners(tx, input.signers);
      if (errors.length) throw invalid(errors);
    }
    const previous = await currentRow(tx, pod.id);
    const signers = input.signers ?? (previous ? await activeSignersOf(tx, previous.id) : []);
    const by = await nameOf(tx, o.actor);
    const [row] = await tx
      .insert(strategyContracts)
      .values({
        podId: pod.id,
        version: (previous?.version ?? 0) + 1,
        goal: input.goal,
        hypothesis: input.hypothesis,
        rightToWin: input.rightToWin,
        metrics: input.metrics,
        risks: input.risks,
        deadline: input.deadline,
        createdBy: o.actor.personId,
        createdByLabel: by,
        createdAt: o.now,
      })
      .returning();
    if (signers.length)
      await tx.insert(contractSignoffs).values(
        signers.map((personId) => ({
          contractId: row!.id,
          personId,
          requestedAt: o.now,
          requestedByLabel: by,
        })),
      );
    await askSigners(tx, { pod, contract: row!, by, personIds: signers });
    const { signers: _s, ...fields } = input;
    await recordAudit(tx, {
      actor: o.actor,
      action: 'pod.contract.propose',
      entityType: 'pod',
      entityId: pod.id,
      change: { version: row!.version, ...fields, signers },
    });
    return (await readPodContract(tx, pod.id))!;
  });
}

export interface NameSignersOptions {
  db: Db;
  actor: Actor;
  podId: string;
  signers: string[];
  now: Date;
}

/** Asks more people to sign the current version; people already named are left as they are. */
export async function nameContractSigners(o: NameSignersOptions): Promise<PodContractView> {
  return o.db.transaction(async (tx) => {
    const pod = await lockPodFor(tx, o.actor, o.podId);
    const errors = await checkSigners(tx, o.signers);
    if (errors.length) throw invalid(errors);
    const current = await currentRow(tx, pod.id);
    if (!current)
      throw new AppError('conflict', `${pod.name} has no strategy contract yet: propose one first`);
    const by = await nameOf(tx, o.actor);
    const added = await tx
      .insert(contractSignoffs)
      .values(
        o.signers.map((personId) => ({
          contractId: current.id,
          personId,
          requestedAt: o.now,
          requestedByLabel: by,
        })),
      )
      .onConflictDoNothing()
      .returning({ personId: contractSignoffs.personId });
    const ids = added.map((a) => a.personId);
    if (ids.length) {
      await askSigners(tx, { pod, contract: current, by, personIds: ids });
      await recordAudit(tx, {
        actor: o.actor,
        action: 'pod.contract.signers',
        entityType: 'pod',
        entityId: pod.id,
        change: { version: current.version, added: ids },
      });
    }
    return (await readPodContract(tx, pod.id))!;
  });
}

export interface SignOptions {
  db: Db;
  actor: Actor;
  podId: string;
  /** The version the signer read: refused (409) if a newer one was proposed since. */
  version?: number;
  now: Date;
}

/** The caller signs the current version, for themself; signing again changes nothing. */
export async function signContract(o: SignOptions): Promise<PodContractView> {
  return o.db.transaction(async (tx) => {
    const [pod] = await tx
      .select({ id: pods.id, name: pods.name })
      .from(pods)
      .where(eq(pods.id, o.podId))
      .for('share');
    if (!pod) throw notFound('pod');
    const current = await currentRow(tx, pod.id);
    if (!current) throw new AppError('conflict', `${pod.name} has no strategy contract to sign`);
    if (o.version !== undefined && o.version !== current.version)
      throw new AppError(
        'conflict',
        `version ${o.version} is no longer current: version ${current.version} is, and needs its own sign-off`,
        [{ path: 'version', message: `is not the current version (${current.version})` }],
      );
    const named = await tx.select().from(contractSignoffs).where(eq(contractSignoffs.contractId, current.id));
    const mine = named.find((s) => s.personId === o.actor.personId);
    if (!mine)
      throw forbidden(
        `only the people named to sign version ${current.version} of ${pod.name}'s strategy contract may sign it, each for themself`,
      );
    if (mine.signedAt === null) {
      await tx
        .update(contractSignoffs)
        .set({ signedAt: o.now })
        .where(
          and(
            eq(contractSignoffs.contractId, current.id),
            eq(contractSignoffs.personId, mine.personId),
            isNull(contractSignoffs.signedAt),
          ),
        );
      await recordAudit(tx, {
        actor: o.actor,
        action: 'pod.contract.sign',
        entityType: 'pod',
        entityId: pod.id,
        change: { version: current.version },
      });
      if (named.every((s) => s.signedAt !== null || s.personId === mine.personId)) {
        const names = await tx
          .select({ name: people.name })
          .from(contractSignoffs)
          .innerJoin(people, eq(people.id, contractSignoffs.personId))
          .where(eq(contractSignoffs.contractId, current.id))
          .orderBy(asc(contractSignoffs.signedAt));
        await tellSigned(tx, { pod, contract: current, signers: names.map((n) => n.name) });
      }
    }
    return (await readPodContract(tx, pod.id))!;
  });
}
