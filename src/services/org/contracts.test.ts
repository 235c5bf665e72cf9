import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makePerson, makePod } from '../../../test/factories.ts';
import { auditLog, outbox, strategyContracts } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import type { TContractInput } from '../../shared/contracts.ts';
import type { AppError } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Actor, systemActor } from '../actor.ts';
import { CONTRACT_SIGN_OFF_KIND, CONTRACT_SIGNED_KIND } from './contract-messages.ts';
import {
  nameContractSigners,
  proposeContractVersion,
  readPodContract,
  signContract,
  signedOnOf,
} from './contracts.ts';
import { deletePerson } from './people.ts';
import { updateSettings } from './settings.ts';

/** Issue 15: a pod's strategy contract, versioned, signed off by the people named, each asked through delivery. */
let d: TestDatabase;
const T0 = new Date('2026-11-02T15:00:00Z'); // 10:00 in New York
const at = (days: number, hours = 0) => new Date(T0.getTime() + (days * 24 + hours) * 3_600_000);
const who: Record<'pm' | 'otherPm' | 'eng' | 'ops' | 'head' | 'sam' | 'gone', Actor> = {} as never;
let podId = '';

const asActor = (p: { id: string; name: string; roles: Actor['roles'] }): Actor => ({
  personId: p.id,
  label: p.name,
  roles: p.roles,
});
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const fieldsOf = (e: AppError | null) => (e?.fields ?? []).map((f) => `${f.path}: ${f.message}`);

const PAGE: TContractInput = {
  goal: 'Every invoice a customer disputes is explained in the product, without a ticket.',
  hypothesis: 'Disputes are 31% of billing tickets; most are usage spikes the invoice never explains.',
  rightToWin: 'We meter the usage ourselves: no competitor can show the line behind a charge.',
  metrics: [{ name: 'Billing tickets per 1,000 users', target: 'from 4.1 to under 2 by the deadline' }],
  risks: [
    { text: 'Usage lines on invoices become a contract with finance customers', oneWayDoor: true },
    { text: 'The invoice PDF grows past one page', oneWayDoor: false },
  ],
  deadline: '2027-01-29',
};

const propose = (actor: Actor, input: Partial<TContractInput> = {}, now = at(0)) =>
  proposeContractVersion({ db: d.db, actor, podId, input: { ...PAGE, ...input }, now });
const sign = (actor: Actor, now: Date, version?: number) =>
  signContract({ db: d.db, actor, podId, now, ...(version ? { version } : {}) });
const asked = async (kind = CONTRACT_SIGN_OFF_KIND) =>
  d.db
    .select({ personId: outbox.personId, key: outbox.idempotencyKey, message: outbox.message })
    .from(outbox)
    .where(and(eq(outbox.kind, kind), eq(outbox.channel, 'inbox'), eq(outbox.ref, podId)));

beforeAll(async () => {
  d = await createTestDb({ now: T0 });
  await updateSettings({
    db: d.db,
    actor: systemActor('test'),
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: T0,
  });
  who.pm = asActor(await makePerson(d.db, { name: 'Maya Chen', roles: ['pm'] }));
  who.otherPm = asActor(await makePerson(d.db, { name: 'Leo Martins', roles: ['pm'] }));
  who.eng = asActor(await makePerson(d.db, { name: 'Ravi Rao', roles: ['eng_lead', 'engineer'] }));
  who.ops = asActor(await makePerson(d.db, { name: 'Priya Shah', roles: ['product_ops'] }));
  who.head = asActor(await makePerson(d.db, { name: 'Hana Okafor', roles: ['head_of_product'] }));
  who.sam = asActor(await makePerson(d.db, { name: 'Sam Rivera', roles: ['stakeholder'] }));
  who.gone = asActor(await makePerson(d.db, { name: 'Gone Person', roles: ['stakeholder'], active: false }));
  const pod = await makePod(d.db, {
    name: 'Billing pod',
    members: [
      { personId: who.pm.personId!, role: 'pm' },
      { personId: who.eng.personId!, role: 'engineer' },
    ],
  });
  podId = pod.id;
});
afterAll(() => d.close());

describe('strategy contracts', () => {
  it('a pod without a contract reads as none, and has no sign-off date', async () => {
    const v = await readPodContract(d.db, podId);
    expect(v).toMatchObject({ state: 'none', contract: null, previous: [], podName: 'Billing pod' });
    expect(await signedOnOf(d.db, podId)).toBeNull();
  });

  it('refuses a bad page, naming each field, and someone who may not propose it', async () => {
    const bad = await errorOf(
      propose(who.pm, {
        goal: '  ',
        deadline: '2027-02-30',
        signers: [crypto.randomUUID(), who.gone.personId!, who.head.personId!, who.head.personId!],
      }),
    );
    expect(bad?.code).toBe('validation_failed');
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining(['goal: is required', 'deadline: is not a real calendar date']),
    );
    const signers = await errorOf(
      propose(who.pm, {
        signers: [crypto.randomUUID(), who.gone.personId!, who.head.personId!, who.head.personId!],
      }),
    );
    expect(fieldsOf(signers)).toEqual([
      'signers.0: is not a known person',
      'signers.1: Gone Person is no longer active',
      'signers.3: names Hana Okafor twice',
    ]);
    for (const actor of [who.otherPm, who.eng, who.sam])
      expect((await errorOf(propose(actor)))?.code, actor.label).toBe('forbidden');
    expect(await d.db.select().from(strategyContracts)).toEqual([]);
  });

  it("the pod's PM proposes version 1: its signers are asked through the delivery system", async () => {
    const v = await propose(who.pm, { signers: [who.head.personId!, who.sam.personId!] });
    expect(v.state).toBe('awaiting_sign_off');
    expect(v.contract).toMatchObject({
      version: 1,
      createdBy: 'Maya Chen',
      createdOn: '2026-11-02',
      deadline: '2027-01-29',
      state: 'awaiting_sign_off',
      signedAt: null,
    });
    expect(v.contract!.risks.map((r) => r.oneWayDoor)).toEqual([true, false]);
    expect(v.contract!.signers.map((s) => [s.name, s.signedOn])).toEqual([
      ['Hana Okafor', null],
      ['Sam Rivera', null],
    ]);
    const messages = await asked();
    expect(messages.map((m) => m.personId).sort()).toEqual([who.head.personId, who.sam.personId].sort());
    const msg = messages[0]!.message as OutgoingMessage;
    expect(msg.title).toBe("Sign-off asked: Billing pod's strategy contract (version 1)");
    expect(msg.summary).toContain('Maya Chen asks you to sign off');
    expect(msg.link).toEqual({ label: 'Read and sign it in prodops', url: `/pods/${podId}` });
    expect(msg.sections?.map((s) => s.heading)).toEqual(['Goal', 'Metrics', 'One-way door']);
    const [audit] = await d.db.select().from(auditLog).where(eq(auditLog.action, 'pod.contract.propose'));
    expect(audit?.entityId).toBe(podId);
  });

  it('only a named signer signs, for themself; once all have, it is signed and the PM hears it', async () => {
    const refused = await errorOf(sign(who.eng, at(1)));
    expect(refused?.code).toBe('forbidden');
    expect(refused?.message).toContain('only the people named to sign version 1');
    expect((await errorOf(sign(systemActor('cli'), at(1))))?.code).toBe('forbidden');

    const half = await sign(who.head, at(1, 2));
    expect(half.state).toBe('awaiting_sign_off');
    expect(half.contract!.signers.find((s) => s.name === 'Hana Okafor')?.signedOn).toBe('2026-11-03');
    expect(await signedOnOf(d.db, podId)).toBeNull();
    expect(await asked(CONTRACT_SIGNED_KIND)).toEqual([]);

    const all = await sign(who.sam, at(2, 3), 1);
    expect(all.state).toBe('signed');
    expect(all.contract).toMatchObject({ signedAt: at(2, 3).toISOString(), signedOn: '2026-11-04' });
    expect(await signedOnOf(d.db, podId)).toEqual(at(2, 3));
    const told = await asked(CONTRACT_SIGNED_KIND);
    expect(told.map((m) => m.personId)).toEqual([who.pm.personId]);
    expect((told[0]!.message as OutgoingMessage).summary).toContain(
      'Hana Okafor and Sam Rivera signed it off',
    );
  });

  it('signing again changes nothing (idempotent)', async () => {
    const before = await d.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const again = await sign(who.sam, at(5));
    expect(again.contract!.signedAt).toBe(at(2, 3).toISOString());
    expect(await d.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)).toEqual(before);
  });

  it('a new version needs new sign-offs: the signers are asked again, the old signatures stay as history', async () => {
    const v2 = await propose(
      who.ops,
      { goal: 'Disputed invoices explained in the product', deadline: '2027-02-26' },
      at(7),
    );
    expect(v2.state).toBe('awaiting_sign_off');
    expect(v2.contract).toMatchObject({ version: 2, createdBy: 'Priya Shah', signedAt: null });
    expect(v2.contract!.signers.map((s) => [s.name, s.signedAt])).toEqual([
      ['Hana Okafor', null],
      ['Sam Rivera', null],
    ]);
    expect(v2.previous.map((p) => [p.version, p.state, p.signedOn])).toEqual([[1, 'signed', '2026-11-04']]);
    expect(await signedOnOf(d.db, podId)).toBeNull();
    const keys = new Set((await asked()).map((m) => m.key.split('|')[0]));
    expect(keys).toEqual(
      new Set([
        `${CONTRACT_SIGN_OFF_KIND}:${v2.previous[0]!.id}`,
        `${CONTRACT_SIGN_OFF_KIND}:${v2.contract!.id}`,
      ]),
    );
    expect(await asked()).toHaveLength(4);
    // Signing what one read, when it is no longer current, is refused.
    const stale = await errorOf(sign(who.sam, at(8), 1));
    expect(stale?.code).toBe('conflict');
    expect(stale?.fields?.[0]?.path).toBe('version');
  });

  it('more signers can be asked; someone already named is not asked twice', async () => {
    const v = await nameContractSigners({
      db: d.db,
      actor: who.pm,
      podId,
      signers: [who.eng.personId!, who.sam.personId!],
      now: at(8),
    });
    expect(v.contract!.signers.map((s) => s.name)).toEqual(['Hana Okafor', 'Sam Rivera', 'Ravi Rao']);
    const mine = (await asked()).filter((m) => m.personId === who.eng.personId);
    expect(mine).toHaveLength(1);
    expect(
      (
        await errorOf(
          nameContractSigners({ db: d.db, actor: who.eng, podId, signers: [who.ops.personId!], now: at(8) }),
        )
      )?.code,
    ).toBe('forbidden');
  });

  it('a version with nobody named is a draft; versions are never changed in place', async () => {
    const draft = await propose(who.head, { signers: [] }, at(9));
    expect(draft.state).toBe('draft');
    expect(draft.contract!.version).toBe(3);
    await expect(
      d.db.update(strategyContracts).set({ goal: 'rewritten' }).where(eq(strategyContracts.podId, podId)),
    ).rejects.toThrow();
    // Deleting the person who proposed a version keeps it, by the name it was proposed under.
    const proposer = await makePerson(d.db, { name: 'Leaving Ops', roles: ['product_ops'] });
    await propose(asActor(proposer), {}, at(10));
    await deletePerson({ db: d.db, actor: systemActor('test'), id: proposer.id });
    const kept = await readPodContract(d.db, podId);
    expect(kept!.contract).toMatchObject({ version: 4, createdBy: 'Leaving Ops' });
    const other = await makePod(d.db);
    const none = await errorOf(
      nameContractSigners({
        db: d.db,
        actor: who.ops,
        podId: other.id,
        signers: [who.sam.personId!],
        now: at(9),
      }),
    );
    expect(none?.code).toBe('conflict');
  });
});
