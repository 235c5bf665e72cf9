/** mulberry32: a small seeded PRNG, so folds, samples and training are reproducible from one number. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates, in place. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Row indices grouped by label, each group in row order. */
function byLabel(indices: readonly number[], labels: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const i of indices) {
    const label = labels[i]!;
    const group = groups.get(label);
    if (group) group.push(i);
    else groups.set(label, [i]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Stratified k-fold: each label's rows are shuffled and dealt round-robin, so every fold keeps the label mix.
 * Returns the fold number of each row.
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const fold = new Array<number>(labels.length).fill(0);
  let next = 0;
  const all = labels.map((_, i) => i);
  for (const group of byLabel(all, labels).values()) {
    for (const i of shuffle(group, random)) fold[i] = next++ % k;
  }
  return fold;
}

/**
 * `n` of `indices` at random, keeping the label mix (largest remainders), and at least one row of every label
 * when n allows: a learning-curve point must not lose a label by chance.
 */
export function stratifiedSample(
  indices: readonly number[],
  labels: readonly string[],
  n: number,
  seed: number,
): number[] {
  if (n >= indices.length) return [...indices];
  const random = seededRandom(seed);
  const groups = [...byLabel(indices, labels).values()];
  const take = quotas(
    groups.map((g) => g.length),
    n,
  );
  return groups.flatMap((g, i) => shuffle([...g], random).slice(0, take[i]));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** n shared out in proportion to `sizes` (each below its size), by largest remainder. */
function quotas(sizes: number[], n: number): number[] {
  const total = sum(sizes);
  const exact = sizes.map((size) => (size * n) / total);
  const take = exact.map(Math.floor);
  const order = sizes.map((_, i) => i).sort((a, b) => exact[b]! - take[b]! - (exact[a]! - take[a]!) || a - b);
  // The floors fall short by less than one per group, so one pass over the groups is enough.
  for (let j = 0; sum(take) < n; j++) take[order[j]!]!++;
  if (n >= sizes.length) {
    for (let i = 0; i < take.length; i++) {
      if (take[i] !== 0) continue;
      take[i] = 1;
      take[take.indexOf(Math.max(...take))]!--;
    }
  }
  return take;
}
