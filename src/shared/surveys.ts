import { z } from 'zod';
import { ZDate } from './common.ts';

/** Issue 16's two surveys: the launch-awareness question and the quarterly PM pulse. */
export const SURVEY_KINDS = ['launch_awareness', 'pm_pulse'] as const;
export type TSurveyKind = (typeof SURVEY_KINDS)[number];

export const AWARENESS_QUESTION = 'Were you aware of this release before it shipped?';
export const PULSE_STATEMENT = 'Product Ops has reduced the time I spend on coordination and status updates';
export const PULSE_FREE_TEXT = 'What would save you more time?';
/** Pulse results are shown only from this many answers: fewer could point at a person. */
export const PULSE_MIN_ANSWERS = 3;
export const SCORE_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'] as const;

/** "2026-Q4": the org's fiscal year and quarter. */
export const ZQuarterKey = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q4');

export const ZSurveyToken = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be a survey link token'),
});

const ZComment = z.string().trim().max(2000, 'use at most 2000 characters').optional();

/** An answer: `aware` for the awareness question, `score` (1–5) for the pulse; the comment is optional. */
export const ZSurveyAnswerInput = z.strictObject({
  aware: z.boolean().optional(),
  score: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').optional(),
  comment: ZComment,
});
export type TSurveyAnswerInput = z.infer<typeof ZSurveyAnswerInput>;

/** What one survey asks, as its page shows it (no person's answer but the reader's own). */
export const ZSurveyView = z.object({
  id: z.string(),
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
  question: z.string(),
  freeText: z.string().nullable(),
  person: z.string(),
  sentAt: z.string(),
  answeredAt: z.string().nullable(),
  /** The reader's own awareness answer (a pulse answer is never shown back: it is not linked to anyone). */
  aware: z.boolean().nullable(),
});
export type TSurveyView = z.infer<typeof ZSurveyView>;
export const ZSurveyList = z.object({ surveys: z.array(ZSurveyView) });

export const ZSurveyAnswered = z.object({
  answered: z.literal(true),
  kind: z.enum(SURVEY_KINDS),
  title: z.string(),
});

export const ZAwarenessQuery = z.object({
  from: ZDate.optional(),
  to: ZDate.optional(),
});

export const ZAwarenessRelease = z.object({
  releaseId: z.string(),
  title: z.string(),
  tier: z.number().int(),
  launchedOn: z.string(),
  asked: z.number().int(),
  answered: z.number().int(),
  aware: z.number().int(),
  notAware: z.number().int(),
  /** Flagged as a surprise: somebody answered "No, it surprised me". */
  surprise: z.boolean(),
  comments: z.array(z.object({ name: z.string(), aware: z.boolean(), comment: z.string() })),
});
export type TAwarenessRelease = z.infer<typeof ZAwarenessRelease>;
export const ZAwarenessResults = z.object({
  releases: z.array(ZAwarenessRelease),
  /** Launches with at least one answer, and the share of them flagged as a surprise (target: at most targetPct). */
  answeredLaunches: z.number().int(),
  surprisedPct: z.number().nullable(),
  targetPct: z.number(),
});
export type TAwarenessResults = z.infer<typeof ZAwarenessResults>;

export const ZPulseQuery = z.object({ quarter: ZQuarterKey.optional() });
export const ZPulseStart = z.strictObject({ quarter: ZQuarterKey.optional() });

export const ZPulseResults = z.object({
  quarter: z.string(),
  label: z.string(),
  asked: z.number().int(),
  answers: z.number().int(),
  minAnswers: z.number().int(),
  /** Null while fewer than minAnswers have answered: then only the count is shown. */
  results: z
    .object({
      agreePct: z.number(),
      /** Answers per score, 1 to 5. */
      distribution: z.array(z.number().int()),
      comments: z.array(z.string()),
      meetsTarget: z.boolean(),
    })
    .nullable(),
  targetPct: z.number(),
});
export type TPulseResults = z.infer<typeof ZPulseResults>;
export const ZPulseStarted = z.object({ quarter: z.string(), sent: z.number().int() });
