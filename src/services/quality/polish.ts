import type { Db } from '../../db/client.ts';
import { BURDEN_WINDOW_DAYS } from '../../domain/quality/burden.ts';
import { isFeatureRelease } from '../../domain/releases/attributes.ts';
import type { BurdenHold, PolishHold } from '../../domain/releases/gate.ts';
import type { TSettings } from '../../shared/settings.ts';
import { type AreaQuality, areasQuality } from './confusion.ts';

export interface QualityHolds {
  polish: PolishHold | null;
  burden: BurdenHold | null;
}

/** The area's quality controls as the gate weighs them: Polish Mode and operational burden (null: no hold). */
export async function qualityHoldsOf(
  db: Db,
  release: { areaId: string | null; tier: number | null; attributes: readonly string[] },
  settings: TSettings,
  now: Date,
): Promise<QualityHolds> {
  const feature = isFeatureRelease(release.attributes, settings.releaseAttributes);
  // Only a Tier 2/3 feature can be held: the others (most releases on a page of them) skip the area's figures.
  const holdable = feature && (release.tier === 2 || release.tier === 3);
  if (!release.areaId || !holdable) return { polish: null, burden: null };
  const [quality] = await areasQuality(db, settings, now, release.areaId);
  if (!quality) return { polish: null, burden: null };
  return { polish: polishHold(quality, settings, feature), burden: burdenHold(quality, settings, feature) };
}

function burdenHold(quality: AreaQuality, settings: TSettings, feature: boolean): BurdenHold | null {
  const c = quality.burden.current;
  if (!c.above || c.users === null || c.per1k === null) return null;
  return {
    areaName: quality.area.name,
    per1k: c.per1k,
    tickets: c.tickets,
    users: c.users,
    windowDays: BURDEN_WINDOW_DAYS,
    to: c.to,
    thresholdPer1k: settings.thresholds.operationalBurdenPer1kUsers,
    feature,
  };
}

function polishHold(quality: AreaQuality, settings: TSettings, feature: boolean): PolishHold | null {
  const spell = quality.confusion.polishMode;
  if (!spell) return null;
  const figure = spell.lastAbove;
  return {
    areaName: quality.area.name,
    since: spell.since,
    asOf: figure.day,
    pct: figure.pct ?? 0,
    confused: figure.confused,
    tickets: figure.tickets,
    windowDays: settings.thresholds.confusedCustomerWindowDays,
    thresholdPct: settings.thresholds.confusedCustomerPct,
    minDays: settings.thresholds.polishModeMinDays,
    leavesOn: spell.leavesOn,
    feature,
  };
}
