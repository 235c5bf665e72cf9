/**
 * Text → hashed n-gram features: word 1–2-grams over runs of Unicode letters/digits, and scikit-learn-style
 * `char_wb` n-grams (each whitespace-delimited chunk padded with a space on both sides).
 *
 * Why hashes rather than strings: building a substring per character n-gram and looking it up in a Map is what
 * dominates the cost of a text classifier in JavaScript (a 400-character ticket has over a thousand of them).
 * Rolling a 32-bit FNV-1a hash over the char codes emits every n-gram without allocating, and in a 31-bit space
 * fewer than 1 in 4,000 of even a million distinct n-grams share a hash. The vocabulary (tfidf.ts) then keeps
 * only the hashes seen in training: feature hashing's speed, without hashing's fixed-size weight table, so a
 * model holds just the features it learnt and unseen n-grams are dropped as a string vocabulary drops them.
 */

export interface FeatureOptions {
  /** Longest word n-gram (1 = unigrams only). */
  wordMaxN: number;
  /** Shortest and longest char_wb n-gram; charMaxN 0 turns char n-grams off. */
  charMinN: number;
  charMaxN: number;
  /** Only the first maxChars characters are read: the head of a ticket carries its kind, and this bounds cost. */
  maxChars: number;
}

const WORD = 1;
const SPACE = 2;

/** Character classes of the Basic Multilingual Plane: letters, marks and digits make words (plus `_`, as \w). */
const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(65536);
  const word = /[\p{L}\p{M}\p{N}_]/u;
  const space = /\s/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves: emoji and rare scripts, kept as symbols
    const ch = String.fromCharCode(c);
    if (word.test(ch)) table[c] = WORD;
    else if (space.test(ch)) table[c] = SPACE;
  }
  return table;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Different starting states keep word unigrams, word bigrams and char n-grams apart in the one hash space. */
const CHAR_SEED = 0x2545f491;
const BIGRAM_SEED = 0x68e31da4;

/** Murmur3's finaliser: spreads FNV's weak low bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Word features get even hashes and char features odd ones, so one table can tell the two blocks apart (each is
 * normalised on its own); never 0, which the hash tables use as "empty".
 */
function wordHash(h: number): number {
  const w = mix(h) & ~1;
  return w === 0 ? 2 : w;
}

function charHash(h: number): number {
  return mix(h) | 1;
}

/** True for the hash of a char n-gram (see wordHash). */
export function isCharFeature(hash: number): boolean {
  return (hash & 1) === 1;
}

/** A reusable buffer of feature hashes: word features first, then char features. */
export class FeatureBuffer {
  hashes = new Int32Array(4096);
  /** hashes[0, wordEnd) are word features, hashes[wordEnd, length) char features. */
  wordEnd = 0;
  length = 0;
  /** One whitespace-delimited chunk, padded with a space on each side (char_wb). */
  chunk = new Uint16Array(256);

  /** Room for `more` hashes after the current ones, so the loops below can write without checking. */
  reserve(more: number): void {
    if (this.length + more <= this.hashes.length) return;
    const bigger = new Int32Array(Math.max(this.hashes.length * 2, this.length + more));
    bigger.set(this.hashes.subarray(0, this.length));
    this.hashes = bigger;
  }
}

/** Fills `out` with the feature hashes of `text`. */
export function extractFeatures(text: string, opts: FeatureOptions, out: FeatureBuffer): void {
  const s = (text.length > opts.maxChars ? text.slice(0, opts.maxChars) : text).toLowerCase();
  out.length = 0;
  // At most one unigram and one bigram per character.
  out.reserve(2 * s.length);
  wordFeatures(s, opts.wordMaxN, out);
  out.wordEnd = out.length;
  if (opts.charMaxN <= 0) return;
  // At most (maxN − minN + 1) n-grams per position of a padded chunk, and 2 padding positions per character.
  out.reserve(3 * s.length * (opts.charMaxN - opts.charMinN + 1));
  charFeatures(s, opts.charMinN, opts.charMaxN, out);
}

function wordFeatures(s: string, maxN: number, out: FeatureBuffer): void {
  const hashes = out.hashes;
  let at = out.length;
  let prev = 0;
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && CLASS[s.charCodeAt(i)] !== WORD) i++;
    if (i >= n) break;
    let h = FNV_OFFSET;
    while (i < n && CLASS[s.charCodeAt(i)] === WORD) h = Math.imul(h ^ s.charCodeAt(i++), FNV_PRIME);
    const token = wordHash(h);
    hashes[at++] = token;
    if (maxN >= 2 && prev !== 0) hashes[at++] = wordHash(Math.imul(prev ^ BIGRAM_SEED, FNV_PRIME) ^ token);
    prev = token;
  }
  out.length = at;
}

function charFeatures(s: string, minN: number, maxN: number, out: FeatureBuffer): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && CLASS[s.charCodeAt(i)] === SPACE) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && CLASS[s.charCodeAt(i)] !== SPACE) i++;
    chunkNgrams(s, start, i, minN, maxN, out);
  }
}

/** Every n-gram of " s[start, end) " with minN ≤ n ≤ maxN, as scikit-learn's char_wb analyser emits them. */
function chunkNgrams(s: string, start: number, end: number, minN: number, maxN: number, out: FeatureBuffer) {
  const padded = end - start + 2;
  if (out.chunk.length < padded) out.chunk = new Uint16Array(padded * 2);
  const chunk = out.chunk;
  chunk[0] = 32;
  for (let j = start; j < end; j++) chunk[j - start + 1] = s.charCodeAt(j);
  chunk[padded - 1] = 32;
  const hashes = out.hashes;
  let at = out.length;
  for (let p = 0; p + minN <= padded; p++) {
    let h = CHAR_SEED;
    const last = Math.min(maxN, padded - p);
    for (let k = 0; k < last; k++) {
      h = Math.imul(h ^ chunk[p + k]!, FNV_PRIME);
      if (k + 1 >= minN) hashes[at++] = charHash(h);
    }
  }
  out.length = at;
}
