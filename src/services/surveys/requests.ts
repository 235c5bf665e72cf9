import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { surveyRequests } from '../../db/schema/index.ts';
import type { TSurveyKind } from '../../shared/surveys.ts';

/** Only the hash is stored: whoever reads the database cannot answer for anyone. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The person's request for this survey, created with a fresh token; null when they were asked already (a survey
 * goes once per person, however often the sending runs).
 */
export async function createRequest(
  tx: Db,
  o: { kind: TSurveyKind; subject: string; releaseId?: string; personId: string; now: Date },
): Promise<{ id: string; token: string } | null> {
  const token = randomBytes(24).toString('base64url');
  const [row] = await tx
    .insert(surveyRequests)
    .values({
      kind: o.kind,
      subject: o.subject,
      releaseId: o.releaseId ?? null,
      personId: o.personId,
      tokenHash: hashToken(token),
      sentAt: o.now,
    })
    .onConflictDoNothing()
    .returning({ id: surveyRequests.id });
  return row ? { id: row.id, token } : null;
}

export async function requestByToken(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(surveyRequests)
    .where(eq(surveyRequests.tokenHash, hashToken(token)));
  return row ?? null;
}

export type SurveyRequest = typeof surveyRequests.$inferSelect;

/** The answer links a message carries: the page records the answer the link names. */
export const answerUrl = (token: string, answer?: string) =>
  `/surveys/${token}${answer ? `?answer=${answer}` : ''}`;
