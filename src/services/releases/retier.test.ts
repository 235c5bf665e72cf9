import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makePerson } from '../../../test/factories.ts';
import { outbox } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { manualClock } from '../../shared/clock.ts';
import type { AppError } from '../../shared/errors.ts';
import type { TReleasePatch } from '../../shared/releases.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Actor, systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { releaseGate } from './gate.ts';
import { createRelease, tierHistory, updateRelease } from './releases.ts';

let d: TestDatabase;
/** 1 Dec 2026, 09:00 in New York: every instant below is computed from here. */
const clock = manualClock('2026-12-01T14:00:00Z');
let pmId: string;
const eng: Actor = systemActor('Ravi Rao');

const GA_REASON =
  'Tier 1 was assigned, but the attributes now suggest Tier 3 (GA launch): the PM must re-assign the tier or say ' +
  'why it stays lower.';

beforeAll(async () => {
  d = await createTestDb({ now: clock.now() });
  await updateSettings({
    db: d.db,
    actor: systemActor('test'),
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: clock.now(),
  });
  pmId = (await makePerson(d.db, { name: 'Maya Chen', roles: ['pm'] })).id;
});
afterAll(() => d.close());

async function tier1(attributes: string[], tierReason?: string) {
  const r = await createRelease({
    db: d.db,
    actor: systemActor('test'),
    input: {
      title: `Export ${crypto.randomUUID()}`,
      targetDate: '2027-03-01',
      tier: 1,
      attributes,
      pmOwnerId: pmId,
      tierReason,
    },
    now: clock.now(),
  });
  return r.id;
}

const patch = (id: string, p: TReleasePatch) =>
  updateRelease({ db: d.db, actor: eng, id, patch: p, now: clock.now() });

async function reviewCheck(id: string) {
  const gate = await releaseGate(d.db, id, clock.now());
  return gate.checks.find((c) => c.id === 'tier_review')!;
}

const notices = (id: string) =>
  d.db
    .select()
    .from(outbox)
    .where(eq(outbox.ref, id))
    .then((rows) => rows.filter((r) => r.kind === 'release.retier'));

describe('re-tiering when the attributes raise the suggestion', () => {
  it('keeps the change, fails the gate with a readable reason, and passes once the PM gives a new reason', async () => {
    const id = await tier1(['minor_bug_fix']);
    expect((await reviewCheck(id)).ok).toBe(true);

    const raised = await patch(id, { attributes: ['minor_bug_fix', 'ga_launch'] });
    expect(raised).toMatchObject({ tier: 1, suggestedTier: 3, tierReason: null, tierReview: GA_REASON });
    const check = await reviewCheck(id);
    expect(check).toMatchObject({ ok: false, label: 'Tier matches its attributes', reasons: [GA_REASON] });
    expect((await releaseGate(d.db, id, clock.now())).reasons).toContain(GA_REASON);

    const kept = await patch(id, { tier: 1, tierReason: 'Only the export button moves; no GA yet.' });
    expect(kept.tierReview).toBeNull();
    expect((await reviewCheck(id)).ok).toBe(true);
    const history = await tierHistory(d.db, id);
    expect(history.map((h) => [h.suggestedTier, h.assignedTier, h.note])).toEqual([
      [1, 1, null],
      [3, 1, `Needs re-tiering: ${GA_REASON}`],
      [3, 1, 'Only the export button moves; no GA yet.'],
    ]);
  });

  it('passes once the tier is raised to the suggestion', async () => {
    const id = await tier1(['minor_bug_fix']);
    await patch(id, { attributes: ['ga_launch'] });
    expect((await reviewCheck(id)).ok).toBe(false);
    const raised = await patch(id, { tier: 3 });
    expect(raised.tierReview).toBeNull();
    expect((await reviewCheck(id)).ok).toBe(true);
  });

  it('does not reuse the stale reason: a lower tier needs a new one', async () => {
    const id = await tier1(['api_change'], 'Internal API, two customers.');
    expect((await reviewCheck(id)).ok).toBe(true);
    const raised = await patch(id, { attributes: ['api_change', 'ga_launch'] });
    expect(raised.tierReason).toBeNull();
    expect(raised.tierReview).toBe(GA_REASON);
    const [event] = (await tierHistory(d.db, id)).slice(-1);
    expect(event!.note).toContain('The earlier reason no longer counts: "Internal API, two customers."');

    const err = await patch(id, { tier: 2 }).catch((e: AppError) => e);
    expect((err as AppError).fields?.map((f) => f.path)).toEqual(['tierReason']);
    expect((await reviewCheck(id)).ok).toBe(false);
    // Editing something else leaves it to review, with no reason coming back.
    expect((await patch(id, { title: 'Export v2' })).tierReview).toBe(GA_REASON);
  });

  it('keeps a reason when the suggestion does not rise above the tier', async () => {
    const id = await tier1(['api_change'], 'Internal API, two customers.');
    const r = await patch(id, { attributes: ['api_change', 'workflow_change'] });
    expect(r).toMatchObject({ tierReason: 'Internal API, two customers.', tierReview: null });
    expect(await notices(id)).toEqual([]);
  });

  it('tells the PM once per change, not on every read', async () => {
    const id = await tier1(['minor_bug_fix']);
    await patch(id, { attributes: ['ga_launch'] });
    await releaseGate(d.db, id, clock.now());
    await releaseGate(d.db, id, clock.now());
    await patch(id, { title: 'Export, renamed' });
    const first = await notices(id);
    expect(first.map((n) => [n.channel, n.personId]).sort()).toEqual([
      ['email', pmId],
      ['inbox', pmId],
    ]);
    const message = first[0]!.message as OutgoingMessage;
    expect(message.title).toMatch(/^Re-tier Export .+: the attributes now suggest Tier 3$/);
    expect(message.summary).toBe(GA_REASON);

    // Re-tiered with a reason, lowered, then raised again: a new change, a new notice (inbox and email).
    await patch(id, { tierReason: 'Soft launch to ten accounts.' });
    await patch(id, { attributes: ['ga_launch', 'migration'] }); // still Tier 3: the reason still counts
    await patch(id, { attributes: ['api_change'] });
    expect(await notices(id)).toHaveLength(2);
    await patch(id, { attributes: ['api_change', 'ga_launch'] });
    expect(await notices(id)).toHaveLength(4);
  });
});
