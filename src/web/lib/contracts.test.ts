import { describe, expect, it } from 'vitest';
import type { TContractVersion } from '../../shared/contracts.ts';
import { contractBadge, draftOf, inputOf } from './contracts.ts';

describe('the pods list’s contract badge', () => {
  it('flags every pod without a signed contract, and says nothing to a reader who may not know', () => {
    expect(contractBadge({ state: 'none', version: null, signedOn: null })).toEqual({
      text: 'No signed contract',
      detail: 'no strategy contract yet',
      tone: 'warn',
    });
    expect(contractBadge({ state: 'awaiting_sign_off', version: 2, signedOn: null })?.text).toBe(
      'No signed contract',
    );
    expect(contractBadge({ state: 'draft', version: 1, signedOn: null })?.detail).toBe(
      'version 1 is a draft',
    );
    expect(contractBadge({ state: 'signed', version: 3, signedOn: '2026-11-20' })).toEqual({
      text: 'Contract signed',
      detail: 'version 3, signed on 2026-11-20',
      tone: 'ok',
    });
    expect(contractBadge(null)).toBeNull();
  });
});

describe('the propose form’s draft', () => {
  it('starts from the current version and posts every row as it is', () => {
    const current = {
      goal: 'Explain every invoice',
      hypothesis: 'H',
      rightToWin: 'R',
      deadline: '2027-01-29',
      metrics: [{ name: 'Tickets', target: 'under 2' }],
      risks: [{ text: 'Pricing change', oneWayDoor: true }],
      signers: [{ personId: 'p1', name: 'Hana', requestedAt: '', signedAt: null, signedOn: null }],
    } as unknown as TContractVersion;
    const draft = draftOf(current);
    expect(draft.metrics[0]).toMatchObject({ name: 'Tickets', target: 'under 2' });
    expect(inputOf(draft)).toEqual({
      goal: 'Explain every invoice',
      hypothesis: 'H',
      rightToWin: 'R',
      deadline: '2027-01-29',
      metrics: [{ name: 'Tickets', target: 'under 2' }],
      risks: [{ text: 'Pricing change', oneWayDoor: true }],
      signers: ['p1'],
    });
    expect(inputOf(draftOf(null))).toMatchObject({ goal: '', metrics: [], risks: [], signers: [] });
  });
});
