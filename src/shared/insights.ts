import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { INSIGHT_KINDS } from './insights-taxonomy.ts';

const ZKey = z.string().trim().min(1).max(60);
const ZIsoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO date-time, e.g. 2026-11-20T14:00:00Z',
});

export const ZInsightFilter = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  kind: z.enum(INSIGHT_KINDS).optional(),
  theme: ZKey.optional(),
  severity: ZKey.optional(),
  areaId: ZId.optional(),
  source: ZKey.optional(),
  groupId: z
    .string()
    .regex(/^-?\d{1,20}$/, 'must be a group id')
    .optional(),
  reviewed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type TInsightFilter = z.infer<typeof ZInsightFilter>;

export const ZInsightPatch = z
  .strictObject({
    kind: z.enum(INSIGHT_KINDS).optional(),
    theme: ZKey.nullable().optional(),
    severity: ZKey.optional(),
    areaId: ZId.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'change at least one tag' });
export type TInsightPatch = z.infer<typeof ZInsightPatch>;

/** One item from a webhook, the web form or a Slack shortcut; the same fields the file importers produce. */
export const ZIntakeItem = z.strictObject({
  externalId: z.string().trim().min(1).max(200),
  title: z.string().trim().max(500).default(''),
  body: z.string().trim().max(20_000).default(''),
  occurredAt: ZIsoInstant.optional(),
  customer: z.string().trim().max(200).nullable().optional(),
  segment: z.string().trim().max(60).nullable().optional(),
  evidenceType: z.string().trim().max(60).nullable().optional(),
  severity: z.string().trim().max(60).nullable().optional(),
  kind: z.string().trim().max(60).nullable().optional(),
  url: z.url().max(2000).nullable().optional(),
});
export const ZIntakeInput = z
  .strictObject({ source: ZKey, items: z.array(ZIntakeItem).min(1).max(1000) })
  .superRefine((v, ctx) => {
    v.items.forEach((item, i) => {
      if (!item.title && !item.body)
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'body'],
          message: 'a title or a body is required',
        });
    });
  });
export type TIntakeInput = z.infer<typeof ZIntakeInput>;

export const ZThemesQuery = z.object({
  from: ZDate.optional(),
  to: ZDate.optional(),
  days: z.coerce.number().int().min(1).max(366).default(30),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  areaId: ZId.optional(),
  kind: z.enum(INSIGHT_KINDS).optional(),
});

export const DISPOSITIONS = ['backlog', 'needs_research', 'already_addressed', 'wont_do'] as const;
export const ZDispositionInput = z
  .strictObject({ disposition: z.enum(DISPOSITIONS), rationale: z.string().trim().max(2000).optional() })
  .refine((d) => d.disposition !== 'wont_do' || (d.rationale ?? '').length > 0, {
    path: ['rationale'],
    message: "is required for won't do",
  });
export type TDispositionInput = z.infer<typeof ZDispositionInput>;
