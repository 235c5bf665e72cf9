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

/** 1 for the BMP code units that are letters (a lone surrogate is not), as LETTER tests them one by one. */
const IS_LETTER = Uint8Array.from({ length: 65536 }, (_, c) => (LETTER.test(String.fromCharCode(c)) ? 1 : 0));

/**
 * A signed 64-bit key (fits PostgreSQL bigint), as the decimal string SQL takes: two FNV-1a hashes of
 * normalizeForDuplicates(title + body), computed as the normalised text would be built, without building it.
 */
export function duplicateKey(title: string, body: string): string {
  const text = `${title}\n${body}`;
  const lower = (text.includes('http') || text.includes('@') ? text.replace(LINKS, ' ') : text).toLowerCase();
  let high = 0x811c9dc5;
  let low = 0x050c5d1f;
  let started = false;
  let space = false;
  for (let i = 0; i < lower.length; i += 1) {
    const c = lower.charCodeAt(i);
    if (IS_LETTER[c]) {
      if (space && started) {
        high = Math.imul(high ^ 32, 0x01000193);
        low = Math.imul(low ^ 32, 0x01000193);
      }
      high = Math.imul(high ^ c, 0x01000193);
      low = Math.imul(low ^ c, 0x01000193);
      started = true;
      space = false;
    } else space = true;
  }
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)).toString();
}
