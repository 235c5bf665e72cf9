import type { TContractState } from '../../shared/contracts.ts';
import type { TRole } from '../../shared/roles.ts';

/** One named signer of a contract version, as far as its state goes. */
export interface SignerFacts {
  name: string;
  signedAt: string | null;
}

/** draft (nobody asked) → awaiting_sign_off (someone named has not signed) → signed (everyone named has). */
export function contractState(signers: readonly SignerFacts[]): Exclude<TContractState, 'none'> {
  if (signers.length === 0) return 'draft';
  return signers.every((s) => s.signedAt !== null) ? 'signed' : 'awaiting_sign_off';
}

/** When the version came into force: the last signature, once everyone named has signed (else null). */
export function signedAtOf(signers: readonly SignerFacts[]): string | null {
  if (contractState(signers) !== 'signed') return null;
  // ISO instants of one format: the latest sorts last.
  return signers
    .map((s) => s.signedAt!)
    .sort()
    .at(-1)!;
}

/** Who may propose a pod's contract (and ask people to sign it): the pod's PM, Product Ops, the Head of Product. */
export function mayProposeContract(
  actor: { personId: string | null; roles: readonly TRole[] },
  podPmIds: readonly string[],
): boolean {
  if (actor.roles.some((r) => r === 'admin' || r === 'product_ops' || r === 'head_of_product')) return true;
  return actor.personId !== null && actor.roles.includes('pm') && podPmIds.includes(actor.personId);
}

/** The signers who signed, in the order they did. */
export function bySignature<S extends SignerFacts>(signers: readonly S[]): S[] {
  return signers
    .filter((s) => s.signedAt !== null)
    .sort((a, b) => (a.signedAt! < b.signedAt! ? -1 : a.signedAt! > b.signedAt! ? 1 : 0));
}

/** "A, B and C". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The state in one line, as the pod page and the CLI say it: "Signed by A on 2026-11-20 and B on 2026-11-21",
 * "Waiting for B (A signed on 2026-11-20)", "Not sent for sign-off yet", "No strategy contract yet".
 */
export function stateLine(
  state: TContractState,
  signers: readonly (SignerFacts & { signedOn: string | null })[],
): string {
  const signed = bySignature(signers).map((s) => `${s.name} on ${s.signedOn}`);
  const waiting = signers.filter((s) => s.signedAt === null).map((s) => s.name);
  switch (state) {
    case 'none':
      return 'No strategy contract yet';
    case 'draft':
      return 'Not sent for sign-off yet: nobody is named to sign it';
    case 'signed':
      return `Signed by ${namesText(signed)}`;
    case 'awaiting_sign_off':
      return `Waiting for ${namesText(waiting)}${signed.length ? ` (signed by ${namesText(signed)})` : ''}`;
  }
}
