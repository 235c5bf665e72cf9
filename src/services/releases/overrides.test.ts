import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makePerson } from '../../../test/factories.ts';
import { auditLog } from '../../db/schema/index.ts';
import { manualClock } from '../../shared/clock.ts';
import type { AppError } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Actor, systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { gateChecks, registerGateCheck, releaseGate } from './gate.ts';
import { listGateOverrides, overrideGateCheck, revokeGateOverride } from './overrides.ts';
import { recordDecision } from './readiness.ts';
import { createRelease } from './releases.ts';

let d: TestDatabase;
/** 1 Dec 2026, 09:00 in New York: every instant below is computed from here. */
const clock = manualClock('2026-12-01T14:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let hop: Actor;
let pm: Actor;

const asActor = (p: { id: string; name: string; roles: Actor['roles'] }): Actor => ({
  personId: p.id,
  label: p.name,
  roles: p.roles,
});
const fieldsOf = (err: unknown) => ((err as AppError).fields ?? []).map((f) => f.path);
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

beforeAll(async () => {
  d = await createTestDb({ now: clock.now() });
  await updateSettings({
    db: d.db,
    actor: systemActor('test'),
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: clock.now(),
  });
  hop = asActor(await makePerson(d.db, { name: 'Hana Okafor', roles: ['head_of_product'] }));
  pm = asActor(await makePerson(d.db, { name: 'Maya Chen', roles: ['pm'] }));
});
afterAll(() => d.close());

/** A Tier 1 release whose only failing check is a hold: the go/no-go decision. */
async function heldRelease(): Promise<string> {
  const r = await createRelease({
    db: d.db,
    actor: systemActor('test'),
    input: { title: `Held ${crypto.randomUUID()}`, targetDate: '2026-12-20', tier: 1 },
    now: clock.now(),
  });
  await recordDecision({
    db: d.db,
    actor: pm,
    now: clock.now(),
    releaseId: r.id,
    input: { decision: 'hold', reason: 'Waiting for legal' },
  });
  return r.id;
}

const override = (releaseId: string, over: Partial<Parameters<typeof overrideGateCheck>[0]> = {}) =>
  overrideGateCheck({
    db: d.db,
    actor: hop,
    releaseId,
    checkId: 'decision',
    reason: 'Legal approved by mail; the record follows.',
    expiresAt: new Date(clock.now().getTime() + 2 * DAY),
    now: clock.now(),
    ...over,
  });

const auditOf = (releaseId: string, action: string) =>
  d.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, releaseId), eq(auditLog.action, action)));

describe('overriding a gate check', () => {
  it('is the Head of Product’s call: a PM is refused and nothing is written', async () => {
    const id = await heldRelease();
    const err = await errorOf(override(id, { actor: pm }));
    expect(err?.code).toBe('forbidden');
    expect(await listGateOverrides(d.db, id, clock.now())).toEqual([]);
  });

  it('lets the failing check through, logged, with the line saying who, until when and why', async () => {
    const id = await heldRelease();
    expect((await releaseGate(d.db, id, clock.now())).ready).toBe(false);
    const made = await override(id);
    expect(made).toMatchObject({
      checkId: 'decision',
      checkLabel: 'Go/no-go decision',
      by: 'Hana Okafor',
      personId: hop.personId,
      active: true,
      revokedAt: null,
    });
    const gate = await releaseGate(d.db, id, clock.now());
    expect([gate.ready, gate.reasons]).toEqual([true, []]);
    // 3 Dec 14:00 UTC is 09:00 in New York that day.
    expect(gate.overridden).toEqual([
      'Go/no-go decision overridden by Hana Okafor until 3 Dec 2026: Legal approved by mail; the record follows.',
    ]);
    const [entry] = await auditOf(id, 'release.gate_override');
    expect(entry).toMatchObject({ actorLabel: 'Hana Okafor', entityType: 'release' });
    expect(entry!.change).toMatchObject({ overrideId: made.id, checkId: 'decision', replaced: [] });
  });

  it('replaces an active override of the same check: the old one is revoked, both are listed newest first', async () => {
    const id = await heldRelease();
    const first = await override(id);
    clock.advance(HOUR);
    const second = await override(id, {
      reason: 'Legal signed.',
      expiresAt: new Date(clock.now().getTime() + DAY),
    });
    const list = await listGateOverrides(d.db, id, clock.now());
    expect(list.map((o) => [o.id, o.active, o.revokedBy])).toEqual([
      [second.id, true, null],
      [first.id, false, 'Hana Okafor'],
    ]);
    expect(list[1]!.revokedAt).toBe(clock.now().toISOString());
    const entries = await auditOf(id, 'release.gate_override');
    expect(entries.map((e) => (e.change as { replaced: string[] }).replaced)).toContainEqual([first.id]);
  });

  it('ends exactly at its end: at expiresAt the gate blocks again (a manual clock walks up to it)', async () => {
    const id = await heldRelease();
    const end = new Date(clock.now().getTime() + 3 * HOUR);
    await override(id, { expiresAt: end });
    const at = (ms: number) => new Date(end.getTime() + ms);
    expect((await releaseGate(d.db, id, at(-1))).ready).toBe(true);
    const atEnd = await releaseGate(d.db, id, at(0));
    expect([atEnd.ready, atEnd.overridden, atEnd.reasons]).toEqual([
      false,
      [],
      ['Go/no-go decision is hold by Maya Chen: Waiting for legal'],
    ]);
    expect((await listGateOverrides(d.db, id, at(0)))[0]!.active).toBe(false);
    // An override that ended is history: a new one replaces nothing.
    clock.set(at(0));
    await override(id);
    const replaced = (await auditOf(id, 'release.gate_override')).map(
      (e) => e.change as { replaced: string[] },
    );
    expect(replaced.every((r) => r.replaced.length === 0)).toBe(true);
  });

  it('refuses what is not an override: unknown or fixed checks, no reason, an end past or beyond 30 days', async () => {
    const id = await heldRelease();
    const now = clock.now().getTime();
    const cases: [Partial<Parameters<typeof overrideGateCheck>[0]>, string][] = [
      [{ checkId: 'tier' }, 'checkId'],
      [{ checkId: 'status' }, 'checkId'],
      [{ checkId: 'vibes' }, 'checkId'],
      [{ reason: '   ' }, 'reason'],
      [{ reason: 'x'.repeat(501) }, 'reason'],
      [{ expiresAt: new Date(now) }, 'expiresAt'],
      [{ expiresAt: new Date(now + 30 * DAY + 1) }, 'expiresAt'],
    ];
    for (const [over, field] of cases) {
      const err = await errorOf(override(id, over));
      expect([err?.code, fieldsOf(err)], field).toEqual(['validation_failed', [field]]);
    }
    expect((await override(id, { expiresAt: new Date(now + 30 * DAY) })).active).toBe(true);
  });

  it('overrides a check a policy registered (Polish Mode)', async () => {
    registerGateCheck({ id: 'polish_mode', label: 'Polish Mode: no old bugs', run: () => ['3 old bugs.'] });
    expect(gateChecks().map((c) => [c.id, c.overridable])).toContainEqual(['polish_mode', true]);
    expect(gateChecks().find((c) => c.id === 'tier')!.overridable).toBe(false);
    const id = await heldRelease();
    await override(id);
    await override(id, { checkId: 'polish_mode', reason: 'Bugs are cosmetic.' });
    const gate = await releaseGate(d.db, id, clock.now());
    expect(gate.ready).toBe(true);
    expect(gate.overridden[1]).toMatch(/^Polish Mode: no old bugs overridden by Hana Okafor until /);
  });
});

describe('revoking an override', () => {
  it('blocks the gate again, is logged, and cannot be done twice or by a PM', async () => {
    const id = await heldRelease();
    const made = await override(id);
    const revoke = (actor: Actor) =>
      revokeGateOverride({ db: d.db, actor, releaseId: id, overrideId: made.id, now: clock.now() });
    expect((await errorOf(revoke(pm)))?.code).toBe('forbidden');
    const revoked = await revoke(hop);
    expect([revoked.active, revoked.revokedBy]).toEqual([false, 'Hana Okafor']);
    expect((await releaseGate(d.db, id, clock.now())).ready).toBe(false);
    expect(await auditOf(id, 'release.gate_override.revoked')).toHaveLength(1);
    expect((await errorOf(revoke(hop)))?.code).toBe('conflict');
    const other = await heldRelease();
    const wrongRelease = revokeGateOverride({
      db: d.db,
      actor: hop,
      releaseId: other,
      overrideId: made.id,
      now: clock.now(),
    });
    expect((await errorOf(wrongRelease))?.code).toBe('not_found');
  });
});
