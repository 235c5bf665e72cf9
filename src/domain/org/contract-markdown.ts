import type { TContractVersion } from '../../shared/contracts.ts';
import { bySignature, namesText } from './contracts.ts';

const NOT_WRITTEN = '_Not written yet._';

/** A paragraph as written, or a placeholder when it is empty (every heading of the one page is always there). */
const paragraph = (text: string) => (text.trim() ? text.trim() : NOT_WRITTEN);

/** A list item's text on one line: a line break inside it would end the item. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

function metrics(c: TContractVersion): string {
  if (!c.metrics.length) return NOT_WRITTEN;
  return c.metrics.map((m) => `- **${oneLine(m.name)}**: ${oneLine(m.target)}`).join('\n');
}

function risks(c: TContractVersion): string {
  if (!c.risks.length) return '_None named._';
  return c.risks.map((r) => `- ${r.oneWayDoor ? '**One-way door:** ' : ''}${oneLine(r.text)}`).join('\n');
}

function signOff(c: TContractVersion): string {
  if (!c.signers.length) return '_Nobody is named to sign it yet._';
  const signed = bySignature(c.signers);
  const waiting = c.signers.filter((s) => s.signedAt === null).map((s) => s.name);
  const lines = signed.map((s) => `- ${s.name}, signed on ${s.signedOn}`);
  if (waiting.length) lines.push(`${lines.length ? '\n' : ''}Not signed yet: ${namesText(waiting)}.`);
  return lines.join('\n');
}

/**
 * The pod's strategy contract as the one page (velocity framework): Goal, Hypothesis, Right to win, Metrics,
 * Risks (one-way doors marked), Deadline and Sign-off, each under its heading, for the markdown download and
 * the CLI. Dates are as the view gives them (the org's days).
 */
export function contractMarkdown(podName: string, c: TContractVersion): string {
  const state =
    c.state === 'signed'
      ? `signed on ${c.signedOn}`
      : c.state === 'draft'
        ? 'draft, not sent for sign-off'
        : 'awaiting sign-off';
  const oneWay = c.risks.filter((r) => r.oneWayDoor).length;
  return [
    `# Strategy contract: ${oneLine(podName)}`,
    '',
    `Version ${c.version}, proposed by ${c.createdBy} on ${c.createdOn}; ${state}.` +
      (oneWay ? ` ${oneWay === 1 ? 'One one-way door' : `${oneWay} one-way doors`} among the risks.` : ''),
    '',
    '## Goal',
    '',
    paragraph(c.goal),
    '',
    '## Hypothesis',
    '',
    paragraph(c.hypothesis),
    '',
    '## Right to win',
    '',
    paragraph(c.rightToWin),
    '',
    '## Metrics',
    '',
    metrics(c),
    '',
    '## Risks',
    '',
    risks(c),
    '',
    '## Deadline',
    '',
    c.deadline,
    '',
    '## Sign-off',
    '',
    signOff(c),
    '',
  ].join('\n');
}
