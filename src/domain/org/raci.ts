import type { TRaciEntry } from '../../shared/org.ts';

/** The pack's RACI table (§2), the matrix a new org starts with. */
export const DEFAULT_RACI: TRaciEntry[] = [
  {
    activity: 'Planning cadence (OKRs/roadmap)',
    responsible: 'Product Ops (facilitation)',
    accountable: 'Head of Product',
    consulted: ['PMs', 'Eng leads'],
    informed: ['Sales', 'CS', 'Support'],
  },
  {
    activity: 'Weekly product update',
    responsible: 'PMs (content)',
    accountable: 'Product Ops (aggregation + distribution)',
    consulted: ['Eng leads'],
    informed: ['Sales', 'CS', 'Support', 'Exec team'],
  },
  {
    activity: 'Roadmap updates (stakeholder-facing)',
    responsible: 'Product Ops (format + distribution)',
    accountable: 'Head of Product',
    consulted: ['PMs'],
    informed: ['Sales', 'CS', 'Support'],
  },
  {
    activity: 'Release readiness + enablement',
    responsible: 'Product Ops (process + bundle)',
    accountable: 'PM (ship decision)',
    consulted: ['Eng lead', 'QA', 'Support', 'Sales'],
    informed: ['CS', 'Marketing'],
  },
  {
    activity: 'Insights intake + routing',
    responsible: 'Product Ops (triage + routing)',
    accountable: 'Product Ops lead',
    consulted: ['CS', 'Sales', 'Support', 'Data'],
    informed: ['PMs (receiving routed insights)'],
  },
  {
    activity: 'Decision log stewardship',
    responsible: 'Product Ops (maintenance)',
    accountable: 'PM (decision owner)',
    consulted: ['Eng lead'],
    informed: ['Stakeholders'],
  },
  {
    activity: 'Post-launch capture + retro',
    responsible: 'Product Ops (facilitation)',
    accountable: 'PM',
    consulted: ['Eng', 'Support', 'Sales'],
    informed: ['Head of Product'],
  },
];
