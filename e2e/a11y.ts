import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** Axe-core's bundle, evaluated in the page (Playwright's evaluate is not subject to the app's CSP). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
export type Impact = (typeof IMPACTS)[number];

/** One rule broken on one page, with the elements that break it. */
export interface Finding {
  page: string;
  rule: string;
  impact: Impact;
  help: string;
  targets: string[];
}

/** Waits for the page's h1 and for every "Loading …" status to be gone and the network to settle. */
export async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0, null, {
    timeout: 15_000,
  });
}

/**
 * Runs axe-core (all its rules, best practices included) on the page with every <details> opened, so collapsed
 * sections are checked too; `label` names the page in findings.
 */
export async function axe(page: Page, label: string): Promise<Finding[]> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the injected global
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return (
      r.violations as { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[]
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return violations.map((v) => ({
    page: label,
    rule: v.id,
    impact: v.impact as Impact,
    help: v.help,
    targets: v.targets,
  }));
}

/** The findings as two tables: by impact (rules broken on pages, elements) and by rule. */
export function axeTable(findings: Finding[], pages: number): string {
  const lines = [`axe-core over ${pages} pages`, 'impact    | violations (rule × page) | elements'];
  for (const impact of IMPACTS) {
    const of = findings.filter((f) => f.impact === impact);
    const nodes = of.reduce((n, f) => n + f.targets.length, 0);
    lines.push(`${impact.padEnd(9)} | ${String(of.length).padStart(23)} | ${String(nodes).padStart(8)}`);
  }
  const rules = new Map<string, Finding[]>();
  for (const f of findings) rules.set(f.rule, [...(rules.get(f.rule) ?? []), f]);
  if (rules.size > 0) lines.push('', 'rule                           | impact   | pages | elements | e.g.');
  for (const [rule, of] of [...rules].sort(
    (a, b) => IMPACTS.indexOf(a[1][0]!.impact) - IMPACTS.indexOf(b[1][0]!.impact),
  )) {
    const nodes = of.reduce((n, f) => n + f.targets.length, 0);
    const eg =
      of.length <= 3
        ? of.map((f) => `${f.page} ${f.targets[0] ?? ''}`).join('; ')
        : `${of[0]!.page} ${of[0]!.targets[0] ?? ''} and ${of.length - 1} more pages`;
    lines.push(
      `${rule.padEnd(30)} | ${of[0]!.impact.padEnd(8)} | ${String(of.length).padStart(5)} | ${String(nodes).padStart(8)} | ${eg}`,
    );
  }
  return lines.join('\n');
}

/** The serious and critical findings, one line each, for an assertion's message. */
export const blocking = (findings: Finding[]): string[] =>
  findings
    .filter((f) => f.impact === 'serious' || f.impact === 'critical')
    .map((f) => `${f.page}: ${f.rule} (${f.impact}) ${f.help} — ${f.targets.slice(0, 3).join(', ')}`);
