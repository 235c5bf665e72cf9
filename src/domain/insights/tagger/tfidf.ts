import { extractFeatures, FeatureBuffer, type FeatureOptions, isCharFeature } from './features.ts';
import { HashIndex } from './hash-index.ts';

/**
 * TF-IDF as scikit-learn's TfidfVectorizer(sublinear_tf=True) computes it: tf → 1 + ln tf, smoothed
 * idf = ln((1 + n) / (1 + df)) + 1, each block (words, chars) l2-normalised on its own, as two vectorizers side
 * by side would be.
 */
export interface Vocabulary {
  features: FeatureOptions;
  /** slot → feature hash; word slots come first, then char slots from `wordSlots` on. */
  hashes: Int32Array;
  /** Rounded to float32 precision, as stored, so a saved model predicts exactly as the trained one. */
  idf: Float64Array;
  wordSlots: number;
  index: HashIndex;
}

/** Documents as compressed sparse rows. */
export interface SparseRows {
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export interface TfidfOptions {
  features: FeatureOptions;
  /** Features in fewer training documents are dropped (2 for chars, as in the scikit-learn baseline). */
  minDfWord: number;
  minDfChar: number;
}

/** One document's distinct temporary feature ids (ascending) and their counts. */
interface DocCounts {
  ids: Int32Array;
  counts: Int32Array;
}

function countIds(ids: Int32Array): DocCounts {
  ids.sort();
  let distinct = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) distinct++;
  const out = { ids: new Int32Array(distinct), counts: new Int32Array(distinct) };
  let j = -1;
  for (let i = 0; i < ids.length; i++) {
    if (i === 0 || ids[i] !== ids[i - 1]) out.ids[++j] = ids[i]!;
    out.counts[j]!++;
  }
  return out;
}

/** 1 + ln(count), from a table for the small counts nearly every feature has (Math.log is the slow part). */
const SUBLINEAR = Float64Array.from({ length: 64 }, (_, c) => (c > 0 ? 1 + Math.log(c) : 0));

function sublinearTf(count: number): number {
  return count < 64 ? SUBLINEAR[count]! : 1 + Math.log(count);
}

/** Learns the vocabulary and idf from training texts and returns their TF-IDF rows. */
export function fitTfidf(
  texts: readonly string[],
  opts: TfidfOptions,
): { vocab: Vocabulary; rows: SparseRows } {
  const temp = new HashIndex(1 << 16);
  const tempHashes: number[] = [];
  const buffer = new FeatureBuffer();
  const docs: DocCounts[] = [];
  for (const text of texts) {
    extractFeatures(text, opts.features, buffer);
    const ids = new Int32Array(buffer.length);
    for (let i = 0; i < buffer.length; i++) {
      const h = buffer.hashes[i]!;
      const before = temp.size;
      ids[i] = temp.getOrAdd(h);
      if (temp.size > before) tempHashes.push(h);
    }
    docs.push(countIds(ids));
  }
  const df = new Int32Array(temp.size);
  for (const d of docs) for (const id of d.ids) df[id]!++;
  const slotOf = assignSlots(tempHashes, df, opts);
  const vocab = makeVocabulary(slotOf, tempHashes, df, texts.length, opts.features);
  return { vocab, rows: buildRows(docs, slotOf, vocab) };
}

/**
 * Temporary id → final slot (-1 when dropped by min_df): words first, then chars, each block by descending
 * document frequency, ties by hash. Frequent features then sit together in the weight matrix, which keeps the
 * cache warm (training and prediction are bound by memory access, not arithmetic), and the order depends only
 * on the features, not on the order of the examples.
 */
function assignSlots(hashes: number[], df: Int32Array, opts: TfidfOptions): Int32Array {
  const slotOf = new Int32Array(hashes.length).fill(-1);
  let next = 0;
  for (const chars of [false, true]) {
    const minDf = chars ? opts.minDfChar : opts.minDfWord;
    const kept: number[] = [];
    for (let id = 0; id < hashes.length; id++) {
      if (isCharFeature(hashes[id]!) === chars && df[id]! >= minDf) kept.push(id);
    }
    kept.sort((a, b) => df[b]! - df[a]! || hashes[a]! - hashes[b]!);
    for (const id of kept) slotOf[id] = next++;
  }
  return slotOf;
}

function makeVocabulary(
  slotOf: Int32Array,
  tempHashes: number[],
  df: Int32Array,
  n: number,
  features: FeatureOptions,
): Vocabulary {
  let size = 0;
  let wordSlots = 0;
  for (let id = 0; id < slotOf.length; id++) {
    if (slotOf[id]! < 0) continue;
    size++;
    if (!isCharFeature(tempHashes[id]!)) wordSlots++;
  }
  const hashes = new Int32Array(size);
  const idf = new Float64Array(size);
  for (let id = 0; id < slotOf.length; id++) {
    const slot = slotOf[id]!;
    if (slot < 0) continue;
    hashes[slot] = tempHashes[id]!;
    idf[slot] = Math.fround(Math.log((1 + n) / (1 + df[id]!)) + 1);
  }
  return { features, hashes, idf, wordSlots, index: indexHashes(hashes) };
}

/** The hash → slot table of a vocabulary (rebuilt, not stored, when a model is loaded). */
export function indexHashes(hashes: Int32Array): HashIndex {
  const index = new HashIndex(hashes.length);
  for (let slot = 0; slot < hashes.length; slot++) index.set(hashes[slot]!, slot);
  return index;
}

function buildRows(docs: DocCounts[], slotOf: Int32Array, vocab: Vocabulary): SparseRows {
  let nnz = 0;
  for (const d of docs) for (const id of d.ids) if (slotOf[id]! >= 0) nnz++;
  const rows: SparseRows = {
    indptr: new Int32Array(docs.length + 1),
    indices: new Int32Array(nnz),
    values: new Float64Array(nnz),
  };
  let at = 0;
  docs.forEach((d, r) => {
    const start = at;
    for (let j = 0; j < d.ids.length; j++) {
      const slot = slotOf[d.ids[j]!]!;
      if (slot < 0) continue;
      rows.indices[at] = slot;
      rows.values[at++] = sublinearTf(d.counts[j]!) * vocab.idf[slot]!;
    }
    normaliseBlocks(rows.indices, rows.values, start, at, vocab.wordSlots);
    rows.indptr[r + 1] = at;
  });
  return rows;
}

/** l2-normalises the word part and the char part of one row separately. */
export function normaliseBlocks(
  indices: Int32Array,
  values: Float64Array,
  start: number,
  end: number,
  wordSlots: number,
): void {
  let word = 0;
  let char = 0;
  for (let j = start; j < end; j++) {
    const v = values[j]! * values[j]!;
    if (indices[j]! < wordSlots) word += v;
    else char += v;
  }
  const wordScale = word > 0 ? 1 / Math.sqrt(word) : 0;
  const charScale = char > 0 ? 1 / Math.sqrt(char) : 0;
  for (let j = start; j < end; j++) values[j]! *= indices[j]! < wordSlots ? wordScale : charScale;
}

/** Turns single texts into TF-IDF vectors with reusable scratch space (prediction's hot path). */
export class Vectorizer {
  readonly indices: Int32Array;
  readonly values: Float64Array;
  nnz = 0;
  private readonly counts: Int32Array;
  private readonly buffer = new FeatureBuffer();

  constructor(readonly vocab: Vocabulary) {
    this.counts = new Int32Array(vocab.hashes.length);
    this.indices = new Int32Array(vocab.hashes.length);
    this.values = new Float64Array(vocab.hashes.length);
  }

  /** Vectorises `text` into indices/values [0, nnz); the indices are in first-seen order, not sorted. */
  transform(text: string): void {
    const { buffer, counts, indices, values, vocab } = this;
    extractFeatures(text, vocab.features, buffer);
    let nnz = 0;
    for (let i = 0; i < buffer.length; i++) {
      const slot = vocab.index.get(buffer.hashes[i]!);
      if (slot < 0) continue;
      // Branch-free: whether a slot is new is a coin toss the CPU cannot predict.
      indices[nnz] = slot;
      nnz += counts[slot] === 0 ? 1 : 0;
      counts[slot]!++;
    }
    for (let j = 0; j < nnz; j++) {
      const slot = indices[j]!;
      values[j] = sublinearTf(counts[slot]!) * vocab.idf[slot]!;
      counts[slot] = 0;
    }
    this.nnz = nnz;
    normaliseBlocks(indices, values, 0, nnz, vocab.wordSlots);
  }
}
