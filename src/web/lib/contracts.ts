import type { TContractInput, TContractVersion, TPodContractSummary } from '../../shared/contracts.ts';

let nextKey = 1;
/** Stable React keys for the rows of the propose form. */
export const newRowKey = () => nextKey++;

/** The pods list's badge: anything short of a signed contract is flagged; null when the reader may not know. */
export function contractBadge(
  s: TPodContractSummary | null,
): { text: string; detail: string; tone: 'ok' | 'warn' } | null {
  if (!s) return null;
  switch (s.state) {
    case 'signed':
      return { text: 'Contract signed', detail: `version ${s.version}, signed on ${s.signedOn}`, tone: 'ok' };
    case 'awaiting_sign_off':
      return { text: 'No signed contract', detail: `version ${s.version} awaits sign-off`, tone: 'warn' };
    case 'draft':
      return { text: 'No signed contract', detail: `version ${s.version} is a draft`, tone: 'warn' };
    case 'none':
      return { text: 'No signed contract', detail: 'no strategy contract yet', tone: 'warn' };
  }
}

export interface MetricRow {
  key: number;
  name: string;
  target: string;
}
export interface RiskRow {
  key: number;
  text: string;
  oneWayDoor: boolean;
}
export interface SignerRow {
  key: number;
  personId: string;
}

/** What the propose form edits: the one page, with rows the user adds and removes. */
export interface ContractDraft {
  goal: string;
  hypothesis: string;
  rightToWin: string;
  deadline: string;
  metrics: MetricRow[];
  risks: RiskRow[];
  signers: SignerRow[];
}

/** The form starts from the current version (a new version is mostly the old one changed), or blank. */
export function draftOf(c: TContractVersion | null): ContractDraft {
  return {
    goal: c?.goal ?? '',
    hypothesis: c?.hypothesis ?? '',
    rightToWin: c?.rightToWin ?? '',
    deadline: c?.deadline ?? '',
    metrics: (c?.metrics ?? []).map((m) => ({ key: newRowKey(), ...m })),
    risks: (c?.risks ?? []).map((r) => ({ key: newRowKey(), ...r })),
    signers: (c?.signers ?? []).map((s) => ({ key: newRowKey(), personId: s.personId })),
  };
}

/** The body to post: every row as it is (so the API's `metrics.1.target` is the form's second metric). */
export function inputOf(d: ContractDraft): TContractInput {
  return {
    goal: d.goal,
    hypothesis: d.hypothesis,
    rightToWin: d.rightToWin,
    deadline: d.deadline,
    metrics: d.metrics.map(({ name, target }) => ({ name, target })),
    risks: d.risks.map(({ text, oneWayDoor }) => ({ text, oneWayDoor })),
    signers: d.signers.map((s) => s.personId),
  };
}
