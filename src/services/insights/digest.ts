import { Temporal } from '@js-temporal/polyfill';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, artifactVersions, insightRoutings, people } from '../../db/schema/index.ts';
import { isoWeekKey, todayIn } from '../../shared/calendar.ts';
import type { Actor } from '../actor.ts';
import { findArtifactVersion, publishArtifactVersion } from '../artifacts.ts';
import { recordAudit } from '../audit.ts';
import { finishHold, type Hold, openHold } from '../broadcasts/hold.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { resolveRecipients } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import type { ActionHandler } from '../scheduling.ts';
import { emitEvent } from '../webhooks/events.ts';
import { artifactData } from '../webhooks/payloads.ts';
import type { DigestUndo } from './digest-undo.ts';
import { type Quote, quotesFor, type ThemeSummary, topThemes } from './themes.ts';

export const INSIGHTS_DIGEST = 'insights_digest';

const DECISION_PATH: Record<string, string> = {
  backlog: 'Added to the backlog',
  needs_research: 'Needs more research',
  already_addressed: 'Already addressed',
  wont_do: "Won't do",
};

interface DigestTheme extends ThemeSummary {
  quotes: Quote[];
  owner: string | null;
  area: string | null;
  decision: string;
  rationale: string | null;
}

/** The month's last routing of a theme says who owns it and where its decision stands. */
async function decisions(db: Db, month: string, themes: string[]) {
  if (!themes.length)
    return new Map<
      string,
      { owner: string | null; area: string | null; decision: string; rationale: string | null }
    >();
  const rows = await db
    .select({ r: insightRoutings, owner: people.name, area: areas.name })
    .from(insightRoutings)
    .leftJoin(people, eq(people.id, insightRoutings.ownerId))
    .leftJoin(areas, eq(areas.id, insightRoutings.areaId))
    .where(inArray(insightRoutings.theme, themes))
    .orderBy(desc(insightRoutings.routedAt));
  const out = new Map<
    string,
    { owner: string | null; area: string | null; decision: string; rationale: string | null }
  >();
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  const firstWeek = isoWeekKey(first.subtract({ months: 1 }).toString());
  const lastWeek = isoWeekKey(first.add({ months: 1 }).subtract({ days: 1 }).toString());
  for (const { r, owner, area } of rows) {
    // The month's own routings, or the month before's still standing: older ones say nothing about this month.
    if (out.has(r.theme) || r.week > lastWeek || r.week < firstWeek) continue;
    out.set(r.theme, {
      owner,
      area,
      decision: r.disposition
        ? DECISION_PATH[r.disposition]!
        : r.escalatedOccurrenceId
          ? 'Escalated to the Monthly Insights Review'
          : 'Awaiting the PM',
      rationale: r.rationale,
    });
  }
  return out;
}

/** One quote on one line: its title, the start of its text, and how many copies of it came in. */
const quoteLine = (q: Quote) =>
  `“${(q.title ? `${q.title}: ` : '') + q.body.replace(/\s+/g, ' ').slice(0, 240)}”${q.duplicates ? ` (+${q.duplicates} similar)` : ''}`;

/** The message: one section per theme (heading + bullets), which every channel renders; no nested quotes. */
function messageSections(themes: DigestTheme[]) {
  return themes.map((t, i) => ({
    heading: `${i + 1}. ${t.label}`,
    markdown: [
      `- Evidence: ${t.volume} items${t.trendPct === null ? '' : ` (${t.trendPct > 0 ? '+' : ''}${t.trendPct}% on the month before)`}`,
      `- Owner: ${t.owner ?? 'Not routed yet'}${t.area ? ` (${t.area})` : ''}`,
      `- Decision path: ${t.decision}${t.rationale ? ` — ${t.rationale}` : ''}`,
      ...t.quotes.slice(0, 1).map((q) => `- ${quoteLine(q)}`),
    ].join('\n'),
  }));
}

function render(month: string, orgName: string, themes: DigestTheme[]): string {
  const lines = [
    `# Monthly Insights Digest — ${month}`,
    '',
    `${orgName}: the top ${themes.length} themes of the month, with evidence, owner and decision path.`,
    '',
  ];
  for (const [i, t] of themes.entries()) {
    const sev = Object.entries(t.severity)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const seg = Object.entries(t.segments)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    lines.push(`## ${i + 1}. ${t.label}`, '');
    lines.push(
      `- **Evidence:** ${t.volume} items${t.trendPct === null ? '' : ` (${t.trendPct > 0 ? '+' : ''}${t.trendPct}% on the month before)`}; severity ${sev || 'n/a'}${seg ? `; segments ${seg}` : ''}`,
    );
    lines.push(`- **Owner:** ${t.owner ?? 'Not routed yet'}${t.area ? ` (${t.area})` : ''}`);
    lines.push(`- **Decision path:** ${t.decision}${t.rationale ? ` — ${t.rationale}` : ''}`);
    for (const q of t.quotes) lines.push(`- ${quoteLine(q)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The Monthly Insights Digest (pack §5): top themes of a calendar month with evidence, owner and decision path,
 * published as an immutable artifact version and delivered to subscribers like every artifact. With `hold` (the
 * web app and API) its messages wait that long and the publication is undoable (services/broadcasts/undo.ts).
 */
export async function publishDigest(opts: {
  db: Db;
  actor: Actor;
  month: string;
  now: Date;
  hold?: { seconds: number };
}) {
  return opts.db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const first = Temporal.PlainYearMonth.from(opts.month).toPlainDate({ day: 1 });
    const w = { from: first.toString(), to: first.add({ months: 1 }).subtract({ days: 1 }).toString() };
    const { themes } = await topThemes(
      tx,
      { ...w, days: 31, limit: settings.insights.digestThemes },
      opts.now,
    );
    const paths = await decisions(
      tx,
      opts.month,
      themes.map((t) => t.theme),
    );
    const full: DigestTheme[] = [];
    for (const t of themes)
      full.push({
        ...t,
        quotes: await quotesFor(tx, t.theme, w, 2, settings),
        ...(paths.get(t.theme) ?? { owner: null, area: null, decision: 'Not routed yet', rationale: null }),
      });
    const markdown = render(opts.month, settings.orgName, full);
    const previous = await findArtifactVersion(tx, INSIGHTS_DIGEST, opts.month);
    const title = `Monthly Insights Digest — ${opts.month}`;
    const published = await publishArtifactVersion(tx, {
      kind: INSIGHTS_DIGEST,
      key: opts.month,
      title,
      markdown,
      json: { month: opts.month, window: w, themes: full },
      changes: previous ? ['Republished with the latest evidence and decisions'] : [],
      publishedBy: opts.actor.label,
      now: opts.now,
    });
    const { version, id: versionId } = published;
    const hold: Hold | null = opts.hold
      ? await openHold(tx, {
          kind: 'insights_digest.publish',
          ref: opts.month,
          title,
          actor: opts.actor,
          now: opts.now,
          seconds: opts.hold.seconds,
        })
      : null;
    await enqueueMessage(tx, {
      key: `${INSIGHTS_DIGEST}:${opts.month}:v${version}`,
      kind: INSIGHTS_DIGEST,
      ref: `${opts.month}:v${version}`,
      message: {
        title,
        summary: `Top ${full.length} themes from customer feedback in ${opts.month}, with owners and decisions.`,
        sections: messageSections(full),
        link: { label: 'Read it in prodops', url: `/insights/digests/${opts.month}` },
      },
      recipients: await resolveRecipients(tx, { kind: INSIGHTS_DIGEST }),
      ...(hold ? { hold } : {}),
    });
    await emitEvent(tx, {
      type: 'artifact.published',
      key: `${INSIGHTS_DIGEST}:${opts.month}:v${version}`,
      title: `${title} published${version > 1 ? ` (version ${version})` : ''}`,
      data: artifactData({ ...published, path: `/insights/digests/${opts.month}` }),
      now: opts.now,
      hold,
    });
    if (hold)
      await finishHold(tx, hold, title, { month: opts.month, versionId, version } satisfies DigestUndo);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'insights.digest.publish',
      entityType: 'insights_digest',
      entityId: opts.month,
      change: { version, themes: full.map((t) => t.theme) },
    });
    return { month: opts.month, version, title, markdown, themes: full, hold };
  });
}

export async function listDigests(db: Db) {
  const rows = await db
    .select({
      key: artifactVersions.key,
      version: artifactVersions.version,
      title: artifactVersions.title,
      publishedAt: artifactVersions.publishedAt,
    })
    .from(artifactVersions)
    .where(eq(artifactVersions.kind, INSIGHTS_DIGEST))
    .orderBy(desc(artifactVersions.key), desc(artifactVersions.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return [...latest.values()].map((r) => ({
    month: r.key,
    version: r.version,
    title: r.title,
    publishedAt: r.publishedAt.toISOString(),
  }));
}

/** On the 1st at 09:00 org time: last month's digest. */
export const monthlyDigestHandler: ActionHandler<'insights.digest'> = async ({ tx, payload, now }) => {
  const { month } = payload;
  await publishDigest({
    db: tx,
    actor: { personId: null, label: 'prodops (monthly digest)', roles: ['product_ops'] },
    month,
    now,
  });
};

export const previousMonth = (timeZone: string, now: Date) =>
  Temporal.PlainDate.from(todayIn(timeZone, now)).toPlainYearMonth().subtract({ months: 1 }).toString();
