import { z } from 'zod';
import { isWeekKey } from './calendar.ts';
import { ZId, ZIsoWeek } from './common.ts';

/** What a status question can be about: the things prodops keeps, across capabilities. */
export const STATUS_SUBJECTS = ['roadmap_item', 'release', 'decision', 'theme', 'area'] as const;
export type TStatusSubject = (typeof STATUS_SUBJECTS)[number];
export const STATUS_SUBJECT_LABELS: Record<TStatusSubject, string> = {
  roadmap_item: 'Roadmap item',
  release: 'Release',
  decision: 'Decision',
  theme: 'Insight theme',
  area: 'Product area',
};

/** Who may find a title: everyone, the product org (working titles), or stakeholders (ratified titles). */
export const STATUS_SEARCH_AUDIENCES = ['everyone', 'org', 'stakeholders'] as const;

/** Where a status question was asked: each is logged, and counts as a ping avoided when answered. */
export const STATUS_CHANNELS = ['api', 'cli', 'web', 'slack'] as const;
export type TStatusChannel = (typeof STATUS_CHANNELS)[number];

export const ZStatusQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  /** Pick one of the choices an earlier answer offered. */
  subject: z.enum(STATUS_SUBJECTS).optional(),
  id: z.string().max(100).optional(),
});
export type TStatusQuery = z.infer<typeof ZStatusQuery>;

/** One thing a question matched, ranked. */
export const ZStatusMatch = z.object({
  subject: z.enum(STATUS_SUBJECTS),
  id: z.string(),
  title: z.string(),
  areaName: z.string().nullable(),
  /** The web page that shows it (a path). */
  path: z.string(),
});
export type TStatusMatch = z.infer<typeof ZStatusMatch>;

/** The one card that answers "what's the status of X?", as this reader may read it. */
export const ZStatusCard = ZStatusMatch.extend({
  subjectLabel: z.string(),
  /** What it is, in a sentence (the item's summary, the decision, the theme's top quote…). */
  summary: z.string(),
  area: z.object({ id: ZId, name: z.string() }).nullable(),
  owner: z.object({ id: ZId, name: z.string() }).nullable(),
  /** Its state in words: "Planned", "In readiness", "Shipped", "Active"… */
  status: z.string(),
  /** When, as this reader may read it: a ratified range, or a launch day where it may be read. */
  when: z.object({ exact: z.boolean(), text: z.string() }).nullable(),
  tier: z.number().int().nullable(),
  /** A release's gate: ready or what is missing (product org and its enablement readers). */
  readiness: z.object({ ready: z.boolean(), missing: z.array(z.string()) }).nullable(),
  bundlePath: z.string().nullable(),
  /** The latest weekly update's bullets that mention it. */
  updates: z.array(z.object({ week: z.string(), areaName: z.string(), text: z.string() })),
  decisions: z.array(
    z.object({ id: ZId, number: z.number().int(), title: z.string(), decidedOn: z.string() }),
  ),
  /** The last change of the record behind the card. */
  asOf: z.string(),
});
export type TStatusCard = z.infer<typeof ZStatusCard>;

/** An answer: one card, the top three to pick from, or nothing (with who to ask). */
export const ZStatusAnswer = z.object({
  query: z.string(),
  outcome: z.enum(['answer', 'choose', 'none']),
  card: ZStatusCard.nullable(),
  choices: z.array(ZStatusMatch),
  /** Nothing found: the owning PM of the nearest area, to ask instead. */
  askInstead: z.object({ areaName: z.string(), ownerName: z.string() }).nullable(),
  /** The answer in one sentence, for a terminal or a chat message. */
  message: z.string(),
});
export type TStatusAnswer = z.infer<typeof ZStatusAnswer>;

/** A week key of a week that exists (2027-W53 does not). */
const ZWeekThatExists = ZIsoWeek.refine(isWeekKey, 'is not a week of its ISO year');

/** The status-request count (C8): pings found in chat per week, and the questions prodops answered instead. */
export const ZStatusRequestsQuery = z.strictObject({
  from: ZWeekThatExists.optional(),
  to: ZWeekThatExists.optional(),
  /** How many of the first weeks make the baseline. */
  baselineWeeks: z.coerce.number().int().min(1).max(26).default(4),
});
export const ZStatusRequestWeek = z.object({
  week: z.string(),
  /** Status pings asked in chat that week. */
  pings: z.number().int(),
  /** Status questions prodops answered that week: pings a PM did not have to answer. */
  avoided: z.number().int(),
  byChannel: z.array(z.object({ channel: z.string(), pings: z.number().int() })),
  byArea: z.array(z.object({ areaName: z.string(), pings: z.number().int() })),
});
export const ZStatusRequestWeeks = z.object({
  timeZone: z.string(),
  weeks: z.array(ZStatusRequestWeek),
  /** Pings per week over the first weeks (null without any). */
  baseline: z.object({ weeks: z.array(z.string()), perWeek: z.number() }).nullable(),
  latest: z.object({ week: z.string(), pings: z.number().int() }).nullable(),
  /** The latest week against the baseline, as a share (-0.5 = half the pings); null without a baseline. */
  change: z.number().nullable(),
});
export type TStatusRequestWeeks = z.infer<typeof ZStatusRequestWeeks>;

/** Importing a Slack export through the API: what the upload is called in the audit log (its file name). */
export const ZStatusPingImportQuery = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
});
/** An imported Slack export: the status pings found in it, and how many were new (an export imported again adds 0). */
export const ZStatusPingImport = z.object({ found: z.number().int(), added: z.number().int() });
export type TStatusPingImport = z.infer<typeof ZStatusPingImport>;
