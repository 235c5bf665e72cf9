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
 * `n` of `indices`, keeping the label mix (largest remainders), and at least one row of every label when n
 * allows: a learning-curve point must not lose a class by chance.
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
  const quotas = groups.map((g) => (g.length * n) / indices.length);
  const take = quotas.map((q) => Math.max(Math.floor(q), n >= groups.length ? 1 : 0));
  const order = quotas.map((q, i) => ({ i, rest: q - Math.floor(q) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let j = 0; take.reduce((a, b) => a + b, 0) < n; j = (j + 1) % order.length) take[order[j]!.i]!++;
  for (let j = 0; take.reduce((a, b) => a + b, 0) > n; j++) {
    const g = take.indexOf(Math.max(...take));
    take[g]!--;
  }
  return groups.flatMap((g, i) => shuffle([...g], random).slice(0, take[i]));
}
