import { addDays } from '../../shared/calendar.ts';

/**
 * The trade-off menu (velocity framework: "We can do these 4 things fast, or 8 things slow. Which do you pick?").
 * Pure: a pod's engineers and its roadmap items in the order the roadmap gives them, each with a size in
 * engineer-weeks. Two ways to spend the same capacity:
 * - focus: the whole pod on one item at a time, so each lands early; only what lands within the horizon;
 * - spread: twice as many started at once, the pod shared among them, so every one lands later.
 * A spread item of size s lands when the pod has done min(s, s_j) of every started item j (equal shares).
 */

export interface MenuItem {
  id: string;
  title: string;
  /** Engineer-weeks; null: not sized yet, so it cannot be planned. */
  sizeWeeks: number | null;
}

export interface PlannedItem {
  id: string;
  title: string;
  sizeWeeks: number;
  /** Weeks from today until it lands, to one decimal. */
  weeks: number;
  landsOn: string;
}

export interface MenuChoice {
  items: PlannedItem[];
  /** The last landing date of the choice (null: nothing in it). */
  lastLandsOn: string | null;
}

export interface TradeOffMenu {
  engineers: number;
  horizonWeeks: number;
  /** Engineer-weeks the pod has within the horizon (people × weeks). */
  capacityWeeks: number;
  focus: MenuChoice;
  spread: MenuChoice;
  unsized: { id: string; title: string }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function planned(item: MenuItem & { sizeWeeks: number }, weeks: number, today: string): PlannedItem {
  return {
    id: item.id,
    title: item.title,
    sizeWeeks: item.sizeWeeks,
    weeks: round1(weeks),
    landsOn: addDays(today, Math.ceil(weeks * 7)),
  };
}

const choice = (items: PlannedItem[]): MenuChoice => ({
  items,
  lastLandsOn: items.reduce<string | null>((last, i) => (last && last > i.landsOn ? last : i.landsOn), null),
});

/** One at a time, in the roadmap's order: item k lands after the sizes of items 1..k are done. */
export function focusPlan(sized: (MenuItem & { sizeWeeks: number })[], engineers: number, today: string) {
  let done = 0;
  return sized.map((item) => {
    done += item.sizeWeeks;
    return planned(item, done / engineers, today);
  });
}

/** All at once with equal shares (processor sharing): the smaller items land first. */
export function spreadPlan(sized: (MenuItem & { sizeWeeks: number })[], engineers: number, today: string) {
  return sized.map((item) => {
    const work = sized.reduce((sum, other) => sum + Math.min(other.sizeWeeks, item.sizeWeeks), 0);
    return planned(item, work / engineers, today);
  });
}

export function tradeOffMenu(o: {
  items: readonly MenuItem[];
  engineers: number;
  horizonWeeks: number;
  today: string;
}): TradeOffMenu {
  const sized = o.items.filter((i): i is MenuItem & { sizeWeeks: number } => i.sizeWeeks !== null);
  const unsized = o.items.filter((i) => i.sizeWeeks === null).map(({ id, title }) => ({ id, title }));
  const base = {
    engineers: o.engineers,
    horizonWeeks: o.horizonWeeks,
    capacityWeeks: o.engineers * o.horizonWeeks,
  };
  if (o.engineers <= 0 || sized.length === 0) {
    return { ...base, focus: choice([]), spread: choice([]), unsized };
  }
  const inOrder = focusPlan(sized, o.engineers, o.today);
  // At least the first item, so the menu always says what one thing costs even when it overruns the horizon.
  const fast = Math.max(1, inOrder.filter((p) => p.weeks <= o.horizonWeeks).length);
  const slow = Math.min(sized.length, fast * 2);
  const spread = slow > fast ? spreadPlan(sized.slice(0, slow), o.engineers, o.today) : [];
  return { ...base, focus: choice(inOrder.slice(0, fast)), spread: choice(spread), unsized };
}
