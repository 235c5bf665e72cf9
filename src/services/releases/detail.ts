import type { TSettings } from '../../shared/settings.ts';
import type { Context } from '../context.ts';
import { qualityHoldsOf } from '../quality/polish.ts';
import { bundleRow, getBundle } from './bundle.ts';
import { gateContextOf, gateFrom } from './gate.ts';
import { listGateOverrides } from './overrides.ts';
import { listPostLaunch } from './post-launch.ts';
import { listDecisions, listSignOffs } from './readiness.ts';
import { type ReleaseView, tierHistory } from './releases.ts';
import { readinessOccurrence } from './schedule.ts';

/**
 * Everything the release page shows, each row read once: the settings, the bundle, the sign-offs and the
 * decisions feed both their own panels and the gate, instead of the gate reading them again.
 */
export async function releaseDetail(ctx: Context, release: ReleaseView) {
  const { db, now } = ctx;
  const settings: TSettings = await ctx.settings();
  const row = await bundleRow(db, release.id);
  const signOffs = await listSignOffs(db, release.id);
  const decisions = await listDecisions(db, release.id);
  const occ = await readinessOccurrence(db, release.id);
  const overrides = await listGateOverrides(db, release.id, now);
  const active = overrides.filter((o) => o.active);
  // The gate looks at the lead time too: computed once, shown in its panel and checked by the gate.
  const holds = await qualityHoldsOf(db, release, settings, now);
  const gate = gateContextOf({
    release,
    settings,
    bundle: row,
    signOffs,
    decisions,
    holds,
    overrides: active,
    now,
  });
  return {
    leadTime: gate.leadTime,
    bundle: await getBundle(db, release, { settings, row }),
    signOffs,
    decisions,
    gate: gateFrom(gate),
    overrides,
    postLaunch: await listPostLaunch(db, release.id),
    tierHistory: await tierHistory(db, release.id),
    readinessCheck: occ
      ? { occurrenceId: occ.o.id, startsAt: occ.o.startsAt.toISOString(), status: occ.o.status }
      : null,
    attributes: settings.releaseAttributes,
  };
}
