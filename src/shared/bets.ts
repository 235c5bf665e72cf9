import { z } from 'zod';
import { ZDate, ZId, ZPermissions, ZText } from './common.ts';

/** Issue 15 (C7): bets, their profile, and the experiment briefs run under them. */

export const LEVELS = ['low', 'medium', 'high'] as const;
export const CHANGE_KINDS = ['behaviour', 'system', 'org'] as const;
export const GOAL_TYPES = ['growth', 'margin', 'stability'] as const;
export const DEPENDENCE_LEVELS = ['none', 'some', 'heavy'] as const;
export const BET_STATUSES = ['open', 'won', 'lost', 'dropped'] as const;
export const BET_CLUSTERS = ['known_ground', 'adjacent', 'uncharted', 'entangled'] as const;

export type TLevel = (typeof LEVELS)[number];
export type TChangeKind = (typeof CHANGE_KINDS)[number];
export type TGoalType = (typeof GOAL_TYPES)[number];
export type TDependence = (typeof DEPENDENCE_LEVELS)[number];
export type TBetStatus = (typeof BET_STATUSES)[number];
export type TBetCluster = (typeof BET_CLUSTERS)[number];

/** Words people read for the keys above. */
export const LEVEL_LABELS: Record<TLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const CHANGE_LABELS: Record<TChangeKind, string> = {
  behaviour: 'Customers change how they work',
  system: 'Our systems change',
  org: 'Our organisation changes',
};
export const GOAL_LABELS: Record<TGoalType, string> = {
  growth: 'Growth',
  margin: 'Margin',
  stability: 'Stability',
};
export const DEPENDENCE_LABELS: Record<TDependence, string> = {
  none: 'None',
  some: 'Some',
  heavy: 'Heavy',
};
export const BET_STATUS_LABELS: Record<TBetStatus, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  dropped: 'Dropped',
};

/** The bet profile: six questions, each answered with a level (change required: any of three kinds, or none). */
export const ZBetProfile = z.strictObject({
  familiarity: z.enum(LEVELS),
  /** Empty: nothing has to change beyond the code. */
  change: z.array(z.enum(CHANGE_KINDS)).max(3),
  measurability: z.enum(LEVELS),
  goal: z.enum(GOAL_TYPES),
  dependence: z.enum(DEPENDENCE_LEVELS),
  traceability: z.enum(LEVELS),
});
export type TBetProfile = z.infer<typeof ZBetProfile>;

export const ZBetPlacement = z.object({
  cluster: z.enum(BET_CLUSTERS),
  label: z.string(),
  /** Why the profile lands in this cluster, one answer a line. */
  reasons: z.array(z.string()),
  approach: z.object({ title: z.string(), summary: z.string(), steps: z.array(z.string()) }),
  /** What else the profile asks of the team (its goal type, weak traceability, a second cluster's pull). */
  cautions: z.array(z.string()),
});
export type TBetPlacement = z.infer<typeof ZBetPlacement>;

const ZLine = z.string().trim().min(1, 'must not be empty').max(300);

export const ZBetInput = z.strictObject({
  title: ZText(200).min(1, 'say what the bet is'),
  summary: ZText(4000).optional(),
  podId: ZId,
  ownerId: ZId,
  status: z.enum(BET_STATUSES).optional(),
  profile: ZBetProfile,
  roadmapItemIds: z.array(ZId).max(20).optional(),
});
export type TBetInput = z.infer<typeof ZBetInput>;

export const ZBetPatch = ZBetInput.partial();
export type TBetPatch = z.infer<typeof ZBetPatch>;

export const ZBetQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  podId: ZId.optional(),
  status: z.enum(BET_STATUSES).optional(),
});
export type TBetQuery = z.infer<typeof ZBetQuery>;

export const ZOptionNotChosen = z.strictObject({
  option: ZText(300).min(1, 'name the option'),
  why: ZText(1000).min(1, 'say why it was not chosen'),
});

export const ZBriefInput = z.strictObject({
  experiment: ZText(2000).min(1, 'say what the experiment is'),
  opportunity: ZText(2000).min(1, 'say what opportunity it tests'),
  positiveSignals: z.array(ZLine).min(1, 'list at least one signal that it works').max(10),
  harmfulIndicators: z.array(ZLine).min(1, 'list at least one harmful leading indicator to watch').max(10),
  optionsNotChosen: z.array(ZOptionNotChosen).max(10).optional(),
  /** Required when the bet is Uncharted: discovery with explicit learning goals. */
  learningGoals: z.array(ZLine).max(10).optional(),
  /** The last day of the time box. */
  timeBoxEnd: ZDate.optional(),
  decisionId: ZId.optional(),
});
export type TBriefInput = z.infer<typeof ZBriefInput>;

export const ZBriefPatch = ZBriefInput.partial().extend({
  timeBoxEnd: ZDate.nullable().optional(),
  decisionId: ZId.nullable().optional(),
});
export type TBriefPatch = z.infer<typeof ZBriefPatch>;

export const ZBrief = z.object({
  id: ZId,
  betId: ZId,
  experiment: z.string(),
  opportunity: z.string(),
  positiveSignals: z.array(z.string()),
  harmfulIndicators: z.array(z.string()),
  optionsNotChosen: z.array(z.object({ option: z.string(), why: z.string() })),
  learningGoals: z.array(z.string()),
  timeBoxEnd: z.string().nullable(),
  decision: z.object({ id: ZId, number: z.number().int(), title: z.string() }).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TBrief = z.infer<typeof ZBrief>;

export const ZBet = z.object({
  id: ZId,
  title: z.string(),
  summary: z.string(),
  pod: z.object({ id: ZId, name: z.string() }).nullable(),
  owner: z.object({ id: ZId, name: z.string() }),
  status: z.enum(BET_STATUSES),
  profile: ZBetProfile,
  placement: ZBetPlacement,
  roadmapItems: z.array(z.object({ id: ZId, title: z.string() })),
  briefs: z.array(ZBrief),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: ZPermissions,
});
export type TBet = z.infer<typeof ZBet>;
export const ZBetList = z.object({ items: z.array(ZBet), nextCursor: z.string().nullable() });
