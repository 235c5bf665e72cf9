import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { systemClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { createChannel } from './channels.ts';
import { resolveRecipients } from './recipients.ts';
import { createSubscription, updatePreferences } from './subscriptions.ts';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDb();
});
afterAll(() => d.close());

const as = (personId: string) => ({ personId, label: 'test', roles: [] as never[] });
const who = async (opts: Parameters<typeof resolveRecipients>[1]) =>
  (await resolveRecipients(d.db, opts)).map((r) =>
    r.channel === 'inbox' ? `inbox:${r.personId}` : `${r.channel}:${r.address}`,
  );

describe('who hears about an artifact', () => {
  it('gives Support and Sales every Tier 2/3 launch by default, not Tier 1; engineers only Tier 3', async () => {
    const support = await makePerson(d.db, { function: 'support', roles: ['stakeholder'] });
    const engineer = await makePerson(d.db, { function: 'eng', roles: ['engineer'] });
    const designer = await makePerson(d.db, { function: 'design', roles: ['designer'] });
    const tier2 = await who({ kind: 'release', tier: 2 });
    expect(tier2).toContain(`inbox:${support.id}`);
    expect(tier2).toContain(`email:${support.email}`);
    expect(tier2).not.toContain(`inbox:${engineer.id}`);
    expect(await who({ kind: 'release', tier: 1 })).not.toContain(`inbox:${support.id}`);
    expect(await who({ kind: 'release', tier: 3 })).toContain(`inbox:${engineer.id}`);
    expect(await who({ kind: 'weekly_update' })).not.toContain(`inbox:${designer.id}`);
  });

  it('adds explicit subscriptions by area and tier, honours opt-outs and channel preferences', async () => {
    const billing = await makeArea(d.db);
    const search = await makeArea(d.db);
    const designer = await makePerson(d.db, {
      function: 'design',
      roles: ['designer'],
      slackId: 'U0DESIGN1',
    });
    await createSubscription({
      db: d.db,
      actor: as(designer.id),
      input: { kind: 'release', areaId: billing.id, tiers: [2, 3] },
    });
    expect(await who({ kind: 'release', areaId: billing.id, tier: 2 })).toEqual(
      expect.arrayContaining([`inbox:${designer.id}`, `email:${designer.email}`, 'slack:U0DESIGN1']),
    );
    expect(await who({ kind: 'release', areaId: search.id, tier: 2 })).not.toContain(`inbox:${designer.id}`);
    expect(await who({ kind: 'release', areaId: billing.id, tier: 1 })).not.toContain(`inbox:${designer.id}`);

    await updatePreferences({ db: d.db, actor: as(designer.id), via: ['inbox'], now: systemClock.now() });
    expect(await who({ kind: 'release', areaId: billing.id, tier: 3 })).not.toContain(
      `email:${designer.email}`,
    );

    const sales = await makePerson(d.db, { function: 'sales', roles: ['stakeholder'] });
    await createSubscription({ db: d.db, actor: as(sales.id), input: { kind: 'roadmap', enabled: false } });
    expect(await who({ kind: 'roadmap' })).not.toContain(`inbox:${sales.id}`);
    expect(await who({ kind: 'weekly_update' })).toContain(`inbox:${sales.id}`);
  });

  it('sends to subscribed channels, and stops email after an unsubscribe', async () => {
    const channel = await createChannel({
      db: d.db,
      actor: systemActor('test'),
      input: { kind: 'slack', name: '#launches', webhookUrl: 'https://hooks.slack.com/services/T1/B1/x' },
      allowAnyWebhookHost: false,
    });
    await createSubscription({
      db: d.db,
      actor: systemActor('test'),
      input: { kind: 'release', channelId: channel.id, tiers: [3] },
    });
    expect(await who({ kind: 'release', tier: 3 })).toContain('slack:#launches');
    expect(await who({ kind: 'release', tier: 2 })).not.toContain('slack:#launches');
    const cs = await makePerson(d.db, { function: 'cs', roles: ['stakeholder'] });
    await updatePreferences({
      db: d.db,
      actor: as(cs.id),
      via: ['inbox', 'email'],
      emailUnsubscribed: true,
      now: systemClock.now(),
    });
    const recipients = await who({ kind: 'weekly_update' });
    expect(recipients).toContain(`inbox:${cs.id}`);
    expect(recipients).not.toContain(`email:${cs.email}`);
  });
});
