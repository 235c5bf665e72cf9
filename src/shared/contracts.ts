import { z } from 'zod';
import { ZDate, ZId } from './common.ts';

/**
 * A pod's strategy contract (issue 15, the velocity framework's one page): goal, hypothesis, right to win,
 * metrics, risks with one-way doors flagged, and a deadline. Every change is a new version; named people sign it
 * off, and a new version needs their sign-off again.
 */

const ZLongText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const ZContractMetric = z.strictObject({
  name: ZLongText(200).min(1, 'is required'),
  target: ZLongText(200).min(1, 'is required'),
});
export type TContractMetric = z.infer<typeof ZContractMetric>;

export const ZContractRisk = z.strictObject({
  text: ZLongText(500).min(1, 'is required'),
  /** A decision that cannot be undone cheaply: the signers should see it before they sign. */
  oneWayDoor: z.boolean().default(false),
});
export type TContractRisk = z.infer<typeof ZContractRisk>;

export const MAX_CONTRACT_SIGNERS = 30;
const ZSigners = z.array(ZId).max(MAX_CONTRACT_SIGNERS, `at most ${MAX_CONTRACT_SIGNERS} people`);

/** POST /pods/:id/contract: a new version. Without `signers` the previous version's are asked again. */
export const ZContractInput = z.strictObject({
  goal: ZLongText(2000).min(1, 'is required'),
  hypothesis: ZLongText(4000).default(''),
  rightToWin: ZLongText(4000).default(''),
  metrics: z.array(ZContractMetric).max(20).default([]),
  risks: z.array(ZContractRisk).max(20).default([]),
  deadline: ZDate,
  signers: ZSigners.optional(),
});
export type TContractInput = z.input<typeof ZContractInput>;

/** POST /pods/:id/contract/signers: more people asked to sign the current version. */
export const ZContractSignersInput = z.strictObject({
  signers: ZSigners.min(1, 'name at least one person'),
});

/** POST /pods/:id/contract/sign: the caller signs; `version` (if given) must still be the current one. No body: {}. */
export const ZContractSignInput = z
  .strictObject({ version: z.number().int().min(1, 'must be a version number (1 or more)').optional() })
  .nullish();

/**
 * none: no contract yet; draft: nobody asked to sign; awaiting_sign_off: someone named has not signed; signed:
 * everyone named signed (the contract is in force).
 */
export const CONTRACT_STATES = ['none', 'draft', 'awaiting_sign_off', 'signed'] as const;
export const ZContractState = z.enum(CONTRACT_STATES);
export type TContractState = z.infer<typeof ZContractState>;

export const ZContractSigner = z.object({
  personId: ZId,
  name: z.string(),
  requestedAt: z.string(),
  /** When they signed (ISO instant), and that day in the org's time zone. */
  signedAt: z.string().nullable(),
  signedOn: z.string().nullable(),
});
export type TContractSigner = z.infer<typeof ZContractSigner>;

export const ZContractVersion = z.object({
  id: ZId,
  version: z.number().int(),
  goal: z.string(),
  hypothesis: z.string(),
  rightToWin: z.string(),
  metrics: z.array(z.object({ name: z.string(), target: z.string() })),
  risks: z.array(z.object({ text: z.string(), oneWayDoor: z.boolean() })),
  deadline: z.string(),
  createdBy: z.string(),
  /** When it was proposed (ISO), and that day in the org's time zone. */
  createdAt: z.string(),
  createdOn: z.string(),
  state: ZContractState.exclude(['none']),
  /** The instant the last named signer signed, once all have (ISO), and that day in the org's zone. */
  signedAt: z.string().nullable(),
  signedOn: z.string().nullable(),
  signers: z.array(ZContractSigner),
});
export type TContractVersion = z.infer<typeof ZContractVersion>;

/** GET /pods/:id/contract: the current version (null: none yet), its state, and the versions before it. */
export const ZPodContract = z.object({
  podId: ZId,
  podName: z.string(),
  podSlug: z.string(),
  state: ZContractState,
  contract: ZContractVersion.nullable(),
  previous: z.array(ZContractVersion),
  permissions: z.object({
    /** Propose a new version or ask more people: the pod's PM, Product Ops and the Head of Product. */
    propose: z.boolean(),
    /** The caller is named on the current version and has not signed it yet. */
    sign: z.boolean(),
  }),
});
export type TPodContract = z.infer<typeof ZPodContract>;

/** What the pods list shows of a pod's contract (null for a reader who may not read it). */
export const ZPodContractSummary = z.object({
  state: ZContractState,
  version: z.number().int().nullable(),
  signedOn: z.string().nullable(),
});
export type TPodContractSummary = z.infer<typeof ZPodContractSummary>;
