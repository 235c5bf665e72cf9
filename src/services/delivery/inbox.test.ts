import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { inboxItems, releases } from '../../db/schema/index.ts';
import { systemActor } from '../actor.ts';
import { createRelease } from '../releases/releases.ts';
import { listInbox } from './inbox.ts';

const NOW = new Date('2026-12-01T14:00:00Z');
let d: TestDatabase;
let readerId: string;
let releaseId: string;

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
  const pm = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
  const reader = await makePerson(d.db, { function: 'support', name: 'Carla Support' });
  readerId = reader.id;
  const area = await makeArea(d.db, { ownerPmId: pm.id });
  const r = await createRelease({
    db: d.db,
    actor: systemActor('test'),
    now: NOW,
    input: { title: 'Usage billing', areaId: area.id, pmOwnerId: pm.id, targetDate: '2026-12-15', tier: 1 },
  });
  releaseId = r.id;
  await d.db.insert(inboxItems).values({
    personId: reader.id,
    kind: 'enablement_bundle',
    message: {
      title: 'Enablement bundle: Usage billing',
      summary: 'Read it and confirm you are ready.',
      actions: [
        {
          label: "I'm ready (Support)",
          url: `/releases/${releaseId}`,
          readiness: { releaseId, kind: 'support' },
        },
        { label: 'Open the release', url: `/releases/${releaseId}` },
      ],
    },
    createdAt: NOW,
  });
});
afterAll(async () => d.close());

const actionsAt = async (now: Date) =>
  (await listInbox(d.db, readerId, { limit: 10, now })).items[0]!.actions;

describe('stale actions in the inbox', () => {
  it('offers "I\'m ready" before the launch day, and leaves other actions open', async () => {
    expect(await actionsAt(NOW)).toEqual([
      {
        label: "I'm ready (Support)",
        url: `/releases/${releaseId}`,
        open: true,
        closedReason: null,
        signOff: { releaseId, kind: 'support' },
      },
      {
        label: 'Open the release',
        url: `/releases/${releaseId}`,
        open: true,
        closedReason: null,
        signOff: null,
      },
    ]);
  });

  it('closes it once the launch day has passed in the org zone, saying why', async () => {
    const [ready, open] = await actionsAt(new Date('2026-12-16T09:00:00Z'));
    expect(ready).toMatchObject({
      open: false,
      closedReason: 'Launch day was Tue 15 Dec 2026 — no sign-off needed',
    });
    expect(open).toMatchObject({ open: true });
    // The launch day itself still counts.
    expect((await actionsAt(new Date('2026-12-15T20:00:00Z')))[0]).toMatchObject({ open: true });
  });

  it('closes it for a launched release, with the day it launched', async () => {
    await d.db
      .update(releases)
      .set({ status: 'launched', launchedOn: '2026-12-02' })
      .where(eq(releases.id, releaseId));
    const [ready] = await actionsAt(NOW);
    expect(ready).toMatchObject({
      open: false,
      closedReason: 'Launched on Wed 2 Dec 2026 — no sign-off needed',
    });
  });
});
