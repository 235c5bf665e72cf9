import { describe, expect, it } from 'vitest';
import type { TGate } from '../../shared/release-detail.ts';
import { actorText, gateLine, openItemGroups, suggestionWords, timeIn } from './release-flow.ts';

const TABLE = [
  { key: 'ui_copy_change', label: 'UI copy change', tier: 1 },
  { key: 'api_change', label: 'API change', tier: 2 },
  { key: 'pricing_change_subset', label: 'Pricing change (subset)', tier: 2 },
  { key: 'ga_launch', label: 'GA launch', tier: 3 },
];

function gate(checks: TGate['checks']): TGate {
  const ready = checks.every((c) => c.ok);
  return { releaseId: 'r', ready, checks, reasons: [], overridden: [], title: 'T', today: '2027-01-11' };
}

describe('the release page’s words', () => {
  it('says the tier suggestion with labels, never keys', () => {
    expect(suggestionWords(['api_change', 'ga_launch', 'pricing_change_subset'], TABLE)).toBe(
      'Tier 3 (High): GA launch implies Tier 3; API change, Pricing change (subset) imply Tier 2.',
    );
    expect(suggestionWords([], TABLE)).toBe('No attributes ticked: Tier 1 (Low) by default.');
  });

  it('groups the open gate items by check, each with the section that fixes it', () => {
    const g = gate([
      { id: 'tier', label: 'Tier assigned', ok: true, reasons: [] },
      { id: 'sections', label: 'Required bundle sections written', ok: false, reasons: ['a', 'b', 'c'] },
      { id: 'sign_offs', label: 'Readiness sign-offs', ok: false, reasons: ['x'] },
      { id: 'polish_mode', label: 'Area not in Polish Mode', ok: false, reasons: ['p'] },
      { id: 'future_check', label: 'Something new', ok: false, reasons: [] },
    ]);
    expect(openItemGroups(g)).toEqual([
      { checkId: 'sections', label: 'Bundle sections', count: 3, section: 'bundle' },
      { checkId: 'sign_offs', label: 'Sign-offs', count: 1, section: 'readiness' },
      { checkId: 'polish_mode', label: 'Polish Mode', count: 1, section: 'gate' },
      { checkId: 'future_check', label: 'Something new', count: 1, section: 'gate' },
    ]);
    expect(gateLine(g)).toBe('Not ready: 6 open items');
    expect(gateLine(gate([{ id: 'tier', label: 'Tier', ok: true, reasons: [] }]))).toBe('Ready to ship');
  });

  it('labels times with the org’s zone and names automatic actors in words', () => {
    expect(timeIn('2026-12-04T23:46:00Z', 'Europe/Berlin')).toBe('Sat 5 Dec 2026, 00:46 CET');
    expect(timeIn('2026-07-01T12:00:00Z', 'UTC')).toBe('Wed 1 Jul 2026, 12:00 UTC');
    expect(actorText('system:demo')).toBe('the demo set-up');
    expect(actorText('system:scheduler')).toBe('prodops (automatic)');
    expect(actorText('Maya Chen')).toBe('Maya Chen');
  });
});
