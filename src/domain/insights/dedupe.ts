/**
 * Near-duplicate key: the text with what varies between copies of the same complaint set aside — case, links,
 * email addresses, numbers (order ids, amounts, dates), punctuation and spacing — hashed to 64 bits (two
 * FNV-1a hashes). "Invoice #4411 is wrong" and "invoice #5120 is wrong!" share a key; the group keeps every item
 * as evidence. One pass over the characters: a bulk import computes a million of these.
 */
const LETTER = /\p{L}/u;
const LINKS = /https?:\/\/\S+|\S+@\S+\.\S+/g;

/** Letters of the text, lower-cased, words separated by single spaces. */
export function normalizeForDuplicates(text: string): string {
  const lower = (text.includes('http') || text.includes('@') ? text.replace(LINKS, ' ') : text).toLowerCase();
  let out = '';
  let space = false;
  for (let i = 0; i < lower.length; i += 1) {
    const c = lower.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c > 127 && LETTER.test(lower[i]!));
    if (letter) {
      if (space && out) out += ' ';
      out += lower[i];
      space = false;
    } else space = true;
  }
  return out;
}

function fnv1a(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A signed 64-bit key (fits PostgreSQL bigint), as the decimal string SQL takes. */
export function duplicateKey(title: string, body: string): string {
  const text = normalizeForDuplicates(`${title}\n${body}`);
  const high = BigInt(fnv1a(text, 0x811c9dc5));
  const low = BigInt(fnv1a(text, 0x050c5d1f));
  return BigInt.asIntN(64, (high << 32n) | low).toString();
}
