import { z } from 'zod';
import { ZDate, ZTimeOfDay, ZTimeZone } from './common.ts';
import { DEFAULT_INSIGHTS_TAXONOMY } from './insights-taxonomy.ts';
import { BUNDLE_SECTION_KEYS, DEFAULT_RELEASE_ATTRIBUTES, LITE_SECTIONS } from './release-vocabulary.ts';
import { DEFAULT_OIDC, ZOidcSettings } from './sso.ts';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const ZWeekday = z.number().int().min(1).max(7);

const ZWeeklyDeadline = z.strictObject({ weekday: ZWeekday, time: ZTimeOfDay });

const unique = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

const ZTierRule = z.strictObject({
  bundle: z.enum(['none', 'lite', 'full']),
  /** Bundle distributed to Support/Sales at least this many business days before launch. */
  distributeBusinessDays: z.number().int().min(0).max(60),
  /** Final bundle published at least this many business days before launch. */
  publishBusinessDays: z.number().int().min(0).max(60),
  announceTo: z.array(z.enum(['support', 'sales', 'cs', 'marketing'])),
  readinessCheck: z.enum(['none', 'async', 'meeting']),
  trainingSession: z.boolean(),
  postLaunchCapture: z.boolean(),
  /** Bundle sections that must be filled in before the gate opens (lite for Tier 2, all for Tier 3). */
  requiredSections: z.array(z.enum(BUNDLE_SECTION_KEYS)).refine(unique, 'must not repeat a section'),
  /** Readiness confirmations the gate needs (training is tracked by `trainingSession`). */
  signOffs: z
    .array(z.enum(['support', 'sales', 'eng_monitoring', 'eng_rollback']))
    .refine(unique, 'must not repeat a sign-off'),
});

const ZKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a key (a–z, 0–9, _ or -), up to 40 characters');
const ZLabelled = z.strictObject({ key: ZKey, label: z.string().trim().min(1).max(80) });
const keyed = <T extends { key: string }>(what: string) =>
  [(xs: T[]) => unique(xs.map((x) => x.key)), `must not repeat a ${what} key`] as const;

/**
 * The insights taxonomy (pack §5): themes carry the words that suggest them; areas map to PMs through the org,
 * with their own suggestion words by area slug. Severities are ordered from least to most severe.
 */
const ZInsightsTaxonomy = z.strictObject({
  themes: z
    .array(ZLabelled.extend({ keywords: z.array(z.string().trim().min(2).max(60)).max(100) }))
    .min(1)
    .max(100)
    .refine(...keyed('theme')),
  segments: z
    .array(ZLabelled)
    .max(50)
    .refine(...keyed('segment')),
  severities: z
    .array(ZLabelled)
    .min(2)
    .max(6)
    .refine(...keyed('severity')),
  evidenceTypes: z
    .array(ZLabelled)
    .max(30)
    .refine(...keyed('evidence type')),
  sources: z
    .array(ZLabelled)
    .min(1)
    .max(30)
    .refine(...keyed('source')),
  areaKeywords: z.record(z.string().max(60), z.array(z.string().trim().min(2).max(60)).max(100)),
  /** How many themes the weekly triage routes (pack: top 5–10) and the monthly digest shows (top 5). */
  triageThemes: z.number().int().min(1).max(20),
  digestThemes: z.number().int().min(1).max(20),
});

/** A release attribute and the tier it implies (the pack's tier table; an org can add or re-map). */
const ZReleaseAttribute = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be snake_case (a–z, 0–9, _), 2–40 characters'),
  label: z.string().trim().min(1).max(80),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'must be 1, 2 or 3' }),
});

export const ZSettings = z
  .strictObject({
    orgName: z.string().trim().min(1).max(120),
    timeZone: ZTimeZone,
    /** Business days as ISO weekdays; lead times count these, minus holidays. */
    workWeek: z
      .array(ZWeekday)
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'must not repeat a weekday'),
    holidays: z.array(z.strictObject({ date: ZDate, name: z.string().trim().min(1).max(120) })).max(400),
    deadlines: z.strictObject({
      weeklyUpdateDue: ZWeeklyDeadline,
      weeklyUpdatePublish: ZWeeklyDeadline,
      /** Reminders to PMs who have not submitted, this many minutes before the due time. */
      weeklyUpdateReminderMinutes: z
        .array(
          z
            .number()
            .int()
            .min(1)
            .max(7 * 24 * 60),
        )
        .max(5)
        .refine((m) => new Set(m).size === m.length, 'must not repeat an offset'),
      roadmapViewRepublishHours: z.number().int().min(1).max(168),
      /** Release owners are warned this many business days before a bundle deadline (0 = that morning). */
      releaseWarningBusinessDays: z
        .array(z.number().int().min(0).max(20))
        .max(3)
        .refine(unique, 'must not repeat an offset'),
      /** Local time of the Launch Readiness Check meeting, held on the publication deadline day. */
      readinessCheckTime: ZTimeOfDay,
    }),
    thresholds: z.strictObject({
      confusedCustomerPct: z.number().min(0).max(100),
      confusedCustomerWindowDays: z.number().int().min(1).max(365),
      /** Fewer support tickets than this in the window are too few to judge: no Polish Mode on 1 of 2. */
      confusedCustomerMinTickets: z.number().int().min(1).max(100_000),
      /** Insight sources whose items are support tickets (the confused-customer metric counts only these). */
      supportSources: z.array(ZKey).min(1).max(20).refine(unique, 'must not repeat a source'),
      operationalBurdenPer1kUsers: z.number().min(0),
      bugMaxOpenDays: z.number().int().min(0).max(365),
      polishModeMinDays: z.number().int().min(0).max(90),
      surpriseScorePct: z.number().min(0).max(100),
      statusRequestReductionPct: z.number().min(0).max(100),
      enablementCoveragePct: z.number().min(0).max(100),
      pmSatisfactionPct: z.number().min(0).max(100),
      ritualAdoptionPct: z.number().min(0).max(100),
      ritualAttendanceSharePct: z.number().min(0).max(100),
      /** The metrics' baseline: the weeks from this date (Product Ops picks it), or null for the first weeks of use. */
      metricsBaselineFrom: ZDate.nullable(),
    }),
    tiers: z.strictObject({ tier1: ZTierRule, tier2: ZTierRule, tier3: ZTierRule }),
    releaseAttributes: z
      .array(ZReleaseAttribute)
      .min(1)
      .max(50)
      .refine((a) => unique(a.map((x) => x.key)), 'must not repeat an attribute key'),
    insights: ZInsightsTaxonomy,
    roadmap: z.strictObject({
      /** Month the fiscal year starts (1 = January): quarters on the roadmap follow it. */
      fiscalYearStartMonth: z.number().int().min(1).max(12),
      /** Roadmap subscribers hear about items moved more than this many days, unless they chose otherwise. */
      moveToleranceDays: z.number().int().min(0).max(365),
    }),
    /**
     * Actions that notify many people (publishing the weekly update or the insights digest, ratifying or rejecting
     * roadmap changes, republishing the stakeholder view) hold their messages this long, undoable meanwhile; 0
     * sends at once. Optional in a file: older ones lack it.
     */
    broadcast: z.strictObject({ undoSeconds: z.number().int().min(0).max(600) }).default({ undoSeconds: 60 }),
    /** The 3-1-1 target; `maxPms` is a hard limit (a pod is single-threaded), the rest only warn. */
    pods: z.strictObject({
      engineers: z.number().int().min(0).max(20),
      designers: z.number().int().min(0).max(10),
      pms: z.number().int().min(0).max(5),
      maxPms: z.number().int().min(1).max(5),
    }),
    /** Single sign-on (issue 18). Optional in a file: older ones lack it. */
    sso: z.strictObject({ oidc: ZOidcSettings }).default({ oidc: DEFAULT_OIDC }),
  })
  .refine((s) => s.pods.pms <= s.pods.maxPms, {
    path: ['pods', 'maxPms'],
    message: 'must be at least pods.pms',
  });
export type TSettings = z.infer<typeof ZSettings>;

/** Defaults from seeds/: pack §1 SLAs, §3 cadence, §6 tiers, §7 targets; velocity framework thresholds. */
export const DEFAULT_SETTINGS: TSettings = {
  orgName: 'My product org',
  timeZone: 'UTC',
  workWeek: [1, 2, 3, 4, 5],
  holidays: [],
  deadlines: {
    weeklyUpdateDue: { weekday: 4, time: '14:00' },
    weeklyUpdatePublish: { weekday: 4, time: '16:00' },
    weeklyUpdateReminderMinutes: [24 * 60, 120],
    roadmapViewRepublishHours: 24,
    releaseWarningBusinessDays: [2, 0],
    readinessCheckTime: '10:00',
  },
  thresholds: {
    confusedCustomerPct: 20,
    confusedCustomerWindowDays: 28,
    confusedCustomerMinTickets: 20,
    supportSources: ['support'],
    operationalBurdenPer1kUsers: 10,
    bugMaxOpenDays: 7,
    polishModeMinDays: 14,
    surpriseScorePct: 10,
    statusRequestReductionPct: 50,
    enablementCoveragePct: 100,
    pmSatisfactionPct: 70,
    ritualAdoptionPct: 80,
    ritualAttendanceSharePct: 80,
    metricsBaselineFrom: null,
  },
  tiers: {
    tier1: {
      bundle: 'none',
      distributeBusinessDays: 0,
      publishBusinessDays: 0,
      announceTo: [],
      readinessCheck: 'none',
      trainingSession: false,
      postLaunchCapture: false,
      requiredSections: [],
      signOffs: [],
    },
    tier2: {
      bundle: 'lite',
      distributeBusinessDays: 5,
      publishBusinessDays: 2,
      announceTo: ['support', 'sales'],
      readinessCheck: 'async',
      trainingSession: false,
      postLaunchCapture: true,
      requiredSections: [...LITE_SECTIONS],
      signOffs: ['support', 'sales', 'eng_monitoring', 'eng_rollback'],
    },
    tier3: {
      bundle: 'full',
      distributeBusinessDays: 10,
      publishBusinessDays: 2,
      announceTo: ['support', 'sales'],
      readinessCheck: 'meeting',
      trainingSession: true,
      postLaunchCapture: true,
      requiredSections: [...BUNDLE_SECTION_KEYS],
      signOffs: ['support', 'sales', 'eng_monitoring', 'eng_rollback'],
    },
  },
  releaseAttributes: DEFAULT_RELEASE_ATTRIBUTES.map((a) => ({ ...a })),
  insights: DEFAULT_INSIGHTS_TAXONOMY,
  roadmap: { fiscalYearStartMonth: 1, moveToleranceDays: 14 },
  broadcast: { undoSeconds: 60 },
  pods: { engineers: 3, designers: 1, pms: 1, maxPms: 1 },
  sso: { oidc: DEFAULT_OIDC },
};

/** The settings with whether this caller may change them. */
export const ZSettingsReply = z.object({
  settings: ZSettings,
  /** Whether the single sign-on client secret is set (the secret itself is never shown). */
  secrets: z.object({ oidcClientSecretSet: z.boolean() }),
  permissions: z.object({ update: z.boolean() }),
});
export type TSettingsReply = z.infer<typeof ZSettingsReply>;
