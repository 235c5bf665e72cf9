import { CHAT } from './chat.ts';
import { CRM } from './crm.ts';
import { FORUM } from './forum.ts';
import { GENERAL } from './general.ts';
import { FEEDBACK_KINDS, type FeedbackKind, type KindTexts } from './kinds.ts';
import { REVIEWS } from './reviews.ts';
import { TICKETS } from './tickets.ts';

export { FEEDBACK_KINDS, type FeedbackKind, type KindTexts } from './kinds.ts';

/**
 * The built-in kind tagger's training set, all written for prodops (licence-clean: no third-party data went
 * into it), one file per style feedback arrives in, so the tagger does not learn one voice as one kind:
 * general.ts (mixed voices, the first seed), tickets.ts (help-desk email), chat.ts (live chat), reviews.ts (app
 * stores and review sites), forum.ts (community posts), crm.ts (account and sales notes). `confusion` leans on
 * how-to, "I can't find…" and "what does … mean" phrasings in every style. The held-out sets the bench scores it
 * on (bench/kind-heldout/) are written separately, about other products, and never train it; nothing here was
 * taken from or tuned against the NLBSE data in shared/.
 */
export const SEED_STYLES: Readonly<Record<string, KindTexts>> = {
  general: GENERAL,
  tickets: TICKETS,
  chat: CHAT,
  reviews: REVIEWS,
  forum: FORUM,
  crm: CRM,
};

/** Every style's texts as labelled examples, style by style, kind by kind. */
export function labelled(
  styles: Readonly<Record<string, KindTexts>>,
): { text: string; label: FeedbackKind }[] {
  return Object.values(styles).flatMap((texts) =>
    FEEDBACK_KINDS.flatMap((label) => texts[label].map((text) => ({ text, label }))),
  );
}

/** The seed corpus as labelled examples. */
export const SEED_CORPUS: readonly { text: string; label: FeedbackKind }[] = labelled(SEED_STYLES);
