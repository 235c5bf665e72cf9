import type { FeedbackKind } from '../../src/domain/insights/tagger/index.ts';
import { CHAT } from './chat.ts';
import { CRM } from './crm.ts';
import { FORUM } from './forum.ts';
import { REVIEWS } from './reviews.ts';
import { TICKETS } from './tickets.ts';

/** The four kinds the held-out sets score; complaint and praise predictions count as misses. */
export type HeldOutKind = Extract<FeedbackKind, 'bug' | 'feature_request' | 'confusion' | 'other'>;
export const HELD_OUT_KINDS: readonly HeldOutKind[] = ['bug', 'feature_request', 'confusion', 'other'];
export type HeldOut = Record<HeldOutKind, readonly string[]>;

/**
 * Held-out sets for the built-in kind tagger, one per style it is trained in, written for prodops separately
 * from the seed corpus (src/domain/insights/tagger/corpus/) about other products and in other words — restaurant
 * tills, hotels, clinics, fleets, schools, streaming, banking, smart home, e-commerce, games, insurance — so
 * scoring on them measures text unlike the training data. Never used for training or tuning a shipped model.
 */
export const HELD_OUT: Readonly<Record<string, HeldOut>> = {
  tickets: TICKETS,
  chat: CHAT,
  reviews: REVIEWS,
  forum: FORUM,
  crm: CRM,
};
