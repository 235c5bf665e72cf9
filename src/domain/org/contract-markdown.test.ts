import { describe, expect, it } from 'vitest';
import type { TContractVersion } from '../../shared/contracts.ts';
import { contractMarkdown } from './contract-markdown.ts';
import { contractState, mayProposeContract, signedAtOf, stateLine } from './contracts.ts';

const signer = (name: string, signedAt: string | null) => ({
  personId: crypto.randomUUID(),
  name,
  requestedAt: '2026-11-02T15:00:00.000Z',
  signedAt,
  signedOn: signedAt ? signedAt.slice(0, 10) : null,
});

const CONTRACT: TContractVersion = {
  id: crypto.randomUUID(),
  version: 2,
  goal: 'Every disputed invoice is explained in the product.',
  hypothesis: 'Disputes are 31% of billing tickets.\n\nMost are usage spikes nobody explained.',
  rightToWin: 'We meter the usage ourselves.',
  metrics: [
    { name: 'Billing tickets per 1,000 users', target: 'under 2' },
    { name: 'Disputes\nresolved in-product', target: '80%' },
  ],
  risks: [
    { text: 'Usage lines become a contract with finance customers', oneWayDoor: true },
    { text: 'The PDF grows past a page', oneWayDoor: false },
  ],
  deadline: '2027-01-29',
  createdBy: 'Maya Chen',
  createdAt: '2026-11-02T15:00:00.000Z',
  createdOn: '2026-11-02',
  state: 'awaiting_sign_off',
  signedAt: null,
  signedOn: null,
  signers: [
    signer('Hana Okafor', '2026-11-03T16:00:00.000Z'),
    signer('Sam Rivera', null),
    signer('Erik Berg', null),
  ],
};

describe('the strategy contract as one page of markdown', () => {
  it('has every heading of the one page, in order, one-way doors marked', () => {
    const md = contractMarkdown('Billing pod', CONTRACT);
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Strategy contract: Billing pod',
      '## Goal',
      '## Hypothesis',
      '## Right to win',
      '## Metrics',
      '## Risks',
      '## Deadline',
      '## Sign-off',
    ]);
    expect(md).toContain(
      'Version 2, proposed by Maya Chen on 2026-11-02; awaiting sign-off. One one-way door among the risks.',
    );
    expect(md).toContain('Disputes are 31% of billing tickets.\n\nMost are usage spikes nobody explained.');
    expect(md).toContain(
      '- **Billing tickets per 1,000 users**: under 2\n- **Disputes resolved in-product**: 80%',
    );
    expect(md).toContain(
      '- **One-way door:** Usage lines become a contract with finance customers\n- The PDF grows past a page',
    );
    expect(md).toContain('## Deadline\n\n2027-01-29\n');
  });

  it('names who signed and when, and who has not signed yet', () => {
    const md = contractMarkdown('Billing pod', CONTRACT);
    expect(md.split('## Sign-off\n\n')[1]).toBe(
      '- Hana Okafor, signed on 2026-11-03\n\nNot signed yet: Sam Rivera and Erik Berg.\n',
    );
  });

  it('says when everyone signed, and what is not written yet', () => {
    const signed: TContractVersion = {
      ...CONTRACT,
      hypothesis: '',
      metrics: [],
      risks: [],
      state: 'signed',
      signedAt: '2026-11-04T17:00:00.000Z',
      signedOn: '2026-11-04',
      signers: [
        signer('Hana Okafor', '2026-11-03T16:00:00.000Z'),
        signer('Sam Rivera', '2026-11-04T17:00:00.000Z'),
      ],
    };
    const md = contractMarkdown('Billing pod', signed);
    expect(md).toContain('; signed on 2026-11-04.\n');
    expect(md).toContain('## Hypothesis\n\n_Not written yet._\n');
    expect(md).toContain('## Metrics\n\n_Not written yet._\n');
    expect(md).toContain('## Risks\n\n_None named._\n');
    expect(md).toContain(
      '## Sign-off\n\n- Hana Okafor, signed on 2026-11-03\n- Sam Rivera, signed on 2026-11-04\n',
    );
    expect(md).not.toContain('Not signed yet');
    const draft = contractMarkdown('Billing pod', { ...CONTRACT, state: 'draft', signers: [] });
    expect(draft).toContain('draft, not sent for sign-off');
    expect(draft).toContain('## Sign-off\n\n_Nobody is named to sign it yet._\n');
  });
});

describe('the state of a contract version', () => {
  it('is draft with nobody named, awaiting until everyone named signed, then signed at the last signature', () => {
    expect(contractState([])).toBe('draft');
    const half = [
      { name: 'A', signedAt: '2026-11-04T10:00:00.000Z' },
      { name: 'B', signedAt: null },
    ];
    expect(contractState(half)).toBe('awaiting_sign_off');
    expect(signedAtOf(half)).toBeNull();
    const all = [half[0]!, { name: 'B', signedAt: '2026-11-03T10:00:00.000Z' }];
    expect(contractState(all)).toBe('signed');
    expect(signedAtOf(all)).toBe('2026-11-04T10:00:00.000Z');
  });

  it('reads in one line', () => {
    const signers = CONTRACT.signers;
    expect(stateLine('awaiting_sign_off', signers)).toBe(
      'Waiting for Sam Rivera and Erik Berg (signed by Hana Okafor on 2026-11-03)',
    );
    expect(stateLine('signed', [signers[0]!])).toBe('Signed by Hana Okafor on 2026-11-03');
    expect(stateLine('none', [])).toBe('No strategy contract yet');
  });

  it("may be proposed by the pod's PM, Product Ops and the Head of Product only", () => {
    const pm = crypto.randomUUID();
    expect(mayProposeContract({ personId: pm, roles: ['pm'] }, [pm])).toBe(true);
    expect(mayProposeContract({ personId: pm, roles: ['pm'] }, [crypto.randomUUID()])).toBe(false);
    expect(mayProposeContract({ personId: pm, roles: ['engineer'] }, [pm])).toBe(false);
    expect(mayProposeContract({ personId: null, roles: ['product_ops'] }, [])).toBe(true);
    expect(mayProposeContract({ personId: pm, roles: ['head_of_product'] }, [])).toBe(true);
    expect(mayProposeContract({ personId: pm, roles: ['stakeholder'] }, [])).toBe(false);
  });
});
