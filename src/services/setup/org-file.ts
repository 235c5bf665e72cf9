import { asc } from 'drizzle-orm';
import { stringify } from 'yaml';
import type { Db } from '../../db/client.ts';
import { areas, people } from '../../db/schema/index.ts';
import type { TOrgFile } from '../../shared/org-file.ts';
import type { Actor } from '../actor.ts';
import { createArea, listAreas, updateArea } from '../org/areas.ts';
import { createPerson, findPersonByEmail, updatePerson } from '../org/people.ts';
import { createPod, listPods, updatePod } from '../org/pods.ts';
import { listRaci, replaceRaci } from '../org/raci.ts';
import { getSettings, updateSettings } from '../org/settings.ts';
import { applyCadence, exportCadence } from './org-file-cadence.ts';
import {
  checkOrgFileRefs,
  type OrgFileProblem,
  parseOrgFile,
  showPath,
  toLenient,
} from './org-file-check.ts';
import { applyTrackers, exportTrackers, type OrgFileEnv } from './org-file-trackers.ts';

const ALL = { limit: 10_000 };

export async function exportOrg(db: Db, now: Date): Promise<TOrgFile> {
  // Sequential on purpose: inside a transaction there is one connection, and pg must not interleave on it.
  const settings = await getSettings(db);
  const peopleRows = await db.select().from(people).orderBy(asc(people.email));
  const areaPage = await listAreas(db, ALL);
  const podPage = await listPods(db, { ...ALL, now });
  const raci = await listRaci(db);
  const emailOf = new Map(peopleRows.map((p) => [p.id, p.email]));
  const areaSlug = new Map(areaPage.items.map((a) => [a.id, a.slug]));
  return {
    version: 1,
    settings,
    people: peopleRows.map((p) => ({
      name: p.name,
      email: p.email,
      function: p.function,
      roles: p.roles,
      slackId: p.slackId,
      active: p.active,
    })),
    areas: [...areaPage.items]
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((a) => ({
        slug: a.slug,
        name: a.name,
        description: a.description,
        owner: a.ownerPmId ? (emailOf.get(a.ownerPmId) ?? null) : null,
        engLead: a.engLeadId ? (emailOf.get(a.engLeadId) ?? null) : null,
        activeUsers: a.activeUsers,
      })),
    pods: [...podPage.items]
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((p) => ({
        slug: p.slug,
        name: p.name,
        area: p.areaId ? (areaSlug.get(p.areaId) ?? null) : null,
        mission: p.mission,
        slackChannel: p.slackChannel,
        members: p.members.map((m) => ({ email: m.email, role: m.role })),
        rotation: p.rotation.map((r) => ({ week: r.week, email: emailOf.get(r.personId)! })),
      })),
    raci,
    ...(await exportCadence(db)),
    ...(await exportTrackers(db)),
  };
}

export function orgFileToYaml(doc: TOrgFile): string {
  return `# prodops org configuration: edit and apply with \`prodops org import FILE\`\n# It holds Slack webhook URLs (channels): keep it private. Tracker tokens are never in it: see tokenEnv.\n${stringify(doc, { lineWidth: 0 })}`;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  details: string[];
}

/** Rolls the transaction back after a dry run has counted what would change. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Validates the whole file, then applies it in one transaction: people, areas and pods are matched by email
 * and slug and created or updated; nothing in the database that the file does not mention is removed.
 * Re-importing the same file changes nothing and writes nothing to the audit log.
 */
export async function importOrg(opts: {
  /** Webhook hosts other than Slack's are allowed only when the deployment says so. */
  allowAnyWebhookHost?: boolean;
  db: Db;
  actor: Actor;
  now: Date;
  text: string;
  dryRun?: boolean;
  /** Where trackers' tokenEnv / webhookSecretEnv are read (the CLI: process.env). */
  env?: OrgFileEnv;
}): Promise<{ ok: true; summary: ImportSummary } | { ok: false; problems: OrgFileProblem[] }> {
  const parsed = parseOrgFile(opts.text);
  const shapeProblems = 'problems' in parsed ? parsed.problems : [];
  const lenient = 'doc' in parsed ? toLenient(parsed.doc) : parsed.lenient;
  const refProblems = lenient
    ? await checkOrgFileRefs(opts.db, lenient, {
        allowAnyWebhookHost: opts.allowAnyWebhookHost ?? false,
        env: opts.env ?? {},
      })
    : [];
  const problems = [
    ...shapeProblems,
    ...refProblems.map(([path, message]) => ({ path: showPath(path), message, line: parsed.lineOf?.(path) })),
  ];
  if (!('doc' in parsed) || problems.length > 0) {
    return { ok: false, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
  try {
    const summary = await opts.db.transaction(async (tx) => {
      const s = await applyOrgFile(tx, opts.actor, opts.now, parsed.doc, {
        allowAnyWebhookHost: opts.allowAnyWebhookHost ?? false,
        env: opts.env ?? {},
      });
      if (opts.dryRun) throw new DryRunDone(s);
      return s;
    });
    return { ok: true, summary };
  } catch (err) {
    if (err instanceof DryRunDone) return { ok: true, summary: err.summary };
    throw err;
  }
}

async function applyOrgFile(
  tx: Db,
  actor: Actor,
  now: Date,
  doc: TOrgFile,
  opts: { allowAnyWebhookHost: boolean; env: OrgFileEnv },
): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, details: [] };
  const count = (what: string, result: 'created' | 'updated' | 'unchanged') => {
    summary[result] += 1;
    if (result !== 'unchanged') summary.details.push(`${result} ${what}`);
  };
  if (doc.settings) {
    const before = JSON.stringify(await getSettings(tx));
    await updateSettings({ db: tx, actor, now, settings: doc.settings });
    count('settings', before === JSON.stringify(doc.settings) ? 'unchanged' : 'updated');
  }
  for (const p of doc.people ?? []) {
    const existing = await findPersonByEmail(tx, p.email);
    const wanted = {
      name: p.name,
      function: p.function,
      roles: p.roles,
      slackId: p.slackId ?? null,
      active: p.active ?? true,
    };
    if (!existing) {
      await createPerson({ db: tx, actor, input: { email: p.email, ...wanted } });
      count(`person ${p.email}`, 'created');
      continue;
    }
    const same =
      existing.name === wanted.name &&
      existing.function === wanted.function &&
      JSON.stringify(existing.roles) === JSON.stringify(wanted.roles) &&
      existing.slackId === wanted.slackId &&
      existing.active === wanted.active;
    if (!same) await updatePerson({ db: tx, actor, now, id: existing.id, patch: wanted });
    count(`person ${p.email}`, same ? 'unchanged' : 'updated');
  }
  const idOfEmail = async (email: string | null | undefined) =>
    email ? ((await findPersonByEmail(tx, email))?.id ?? null) : null;
  const areaList = (await listAreas(tx, ALL)).items;
  for (const a of doc.areas ?? []) {
    const wanted = {
      name: a.name,
      description: a.description ?? '',
      ownerPmId: await idOfEmail(a.owner),
      engLeadId: await idOfEmail(a.engLead),
      activeUsers: a.activeUsers ?? 0,
    };
    const existing = areaList.find((x) => x.slug === a.slug);
    if (!existing) {
      await createArea({ db: tx, actor, input: { slug: a.slug, ...wanted } });
      count(`area ${a.slug}`, 'created');
      continue;
    }
    const same = (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => existing[k] === wanted[k]);
    if (!same) await updateArea({ db: tx, actor, now, id: existing.id, patch: wanted });
    count(`area ${a.slug}`, same ? 'unchanged' : 'updated');
  }
  await applyPods(tx, actor, now, doc, idOfEmail, count);
  if (doc.raci) {
    const before = JSON.stringify(await listRaci(tx));
    await replaceRaci({ db: tx, actor, items: doc.raci });
    count('RACI matrix', before === JSON.stringify(doc.raci) ? 'unchanged' : 'updated');
  }
  await applyCadence(tx, actor, now, doc, count, { allowAnyWebhookHost: opts.allowAnyWebhookHost });
  await applyTrackers(tx, actor, now, doc, opts.env, count);
  return summary;
}

async function applyPods(
  tx: Db,
  actor: Actor,
  now: Date,
  doc: TOrgFile,
  idOfEmail: (email: string) => Promise<string | null>,
  count: (what: string, result: 'created' | 'updated' | 'unchanged') => void,
) {
  const areaIds = new Map(
    (await tx.select({ id: areas.id, slug: areas.slug }).from(areas)).map((a) => [a.slug, a.id]),
  );
  const podList = (await listPods(tx, { ...ALL, now })).items;
  for (const p of doc.pods ?? []) {
    const members: { personId: string; role: (typeof p.members & {})[number]['role'] }[] = [];
    for (const m of p.members ?? []) members.push({ personId: (await idOfEmail(m.email))!, role: m.role });
    const rotation: { week: string; personId: string }[] = [];
    for (const r of p.rotation ?? []) rotation.push({ week: r.week, personId: (await idOfEmail(r.email))! });
    const wanted = {
      name: p.name,
      areaId: p.area ? (areaIds.get(p.area) ?? null) : null,
      mission: p.mission ?? '',
      slackChannel: p.slackChannel ?? null,
      members,
      rotation,
    };
    const existing = podList.find((x) => x.slug === p.slug);
    if (!existing) {
      await createPod({ db: tx, actor, now, input: { slug: p.slug, ...wanted } });
      count(`pod ${p.slug}`, 'created');
      continue;
    }
    const current = {
      name: existing.name,
      areaId: existing.areaId,
      mission: existing.mission,
      slackChannel: existing.slackChannel,
      members: existing.members.map((m) => ({ personId: m.personId, role: m.role })),
      rotation: existing.rotation.map((r) => ({ week: r.week, personId: r.personId })),
    };
    const key = (v: typeof wanted) =>
      JSON.stringify({
        ...v,
        members: [...v.members].sort((a, b) => a.personId.localeCompare(b.personId)),
        rotation: [...v.rotation].sort((a, b) => a.week.localeCompare(b.week)),
      });
    const same = key(current) === key(wanted);
    if (!same) await updatePod({ db: tx, actor, now, id: existing.id, patch: wanted });
    count(`pod ${p.slug}`, same ? 'unchanged' : 'updated');
  }
}
