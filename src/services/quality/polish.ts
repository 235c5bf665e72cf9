import type { Db } from '../../db/client.ts';
import { isFeatureRelease } from '../../domain/releases/attributes.ts';
import type { PolishHold } from '../../domain/releases/gate.ts';
import type { TSettings } from '../../shared/settings.ts';
import { areasConfusion } from './confusion.ts';

/** Polish Mode of a release's area as the gate weighs it: null when the area is not in Polish Mode. */
export async function polishHoldOf(
  db: Db,
  release: { areaId: string | null; attributes: readonly string[] },
  settings: TSettings,
  now: Date,
): Promise<PolishHold | null> {
  if (!release.areaId) return null;
  const [quality] = await areasConfusion(db, settings, now, release.areaId);
  const spell = quality?.confusion.polishMode;
  if (!quality || !spell) return null;
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
    feature: isFeatureRelease(release.attributes, settings.releaseAttributes),
  };
}
