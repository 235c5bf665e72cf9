import type { TMe } from '../shared/org.ts';
import { inProductOrg } from '../shared/roles.ts';

/** SPEC.md capabilities, C1…C8: each nav entry says which one its page serves. */
export type Capability = 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8';

export interface NavEntry {
  path: string;
  label: string;
  capability: Capability;
  /** Who sees the entry; everyone signed in when absent. */
  visible?: (me: TMe) => boolean;
}

/** Admins, Product Ops and the Head of Product run the org: the org overview is theirs. */
const runsOrg = (me: TMe): boolean =>
  me.roles.some((r) => r === 'admin' || r === 'product_ops' || r === 'head_of_product');

/**
 * The main navigation, in display order. Only pages that exist are listed: a new capability's pages add
 * their entry here (and their <Route> in app.tsx).
 */
export const NAV: readonly NavEntry[] = [
  // Issue 17: the home per role is the front door; the org's head counts and pods moved to /org.
  { path: '/', label: 'Home', capability: 'C1' },
  // Issue 17: the stakeholder feed, what ships by month in shareable words, for everyone.
  { path: '/feed', label: 'What ships', capability: 'C5' },
  { path: '/org', label: 'Org overview', capability: 'C1', visible: (me) => runsOrg(me) },
  { path: '/people', label: 'People', capability: 'C1' },
  { path: '/areas', label: 'Areas', capability: 'C1' },
  { path: '/pods', label: 'Pods', capability: 'C1' },
  // Issue 15: the pods' bets and experiment briefs, the product org's.
  { path: '/bets', label: 'Bets', capability: 'C7', visible: (me) => me.can.readBets },
  { path: '/cadence', label: 'Cadence', capability: 'C2' },
  { path: '/updates', label: 'Weekly update', capability: 'C3' },
  { path: '/roadmap', label: 'Roadmap', capability: 'C4' },
  { path: '/decisions', label: 'Decisions', capability: 'C4' },
  { path: '/releases', label: 'Releases', capability: 'C5' },
  // What Sales, CS and Support open most after their home: launches by month.
  {
    path: '/releases/calendar',
    label: 'Launch calendar',
    capability: 'C5',
    visible: (me) => !inProductOrg(me.roles),
  },
  // The product org's planning: item sizes and pod throughput.
  { path: '/velocity', label: 'Velocity', capability: 'C7', visible: (me) => me.can.readVelocity },
  // The product org: the records behind the figures name people and internal launches.
  { path: '/metrics', label: 'Metrics', capability: 'C8', visible: (me) => me.can.readMetrics },
  // The charter is for everyone; the frictions and the QBR hold internal evidence (the metrics' rule).
  { path: '/charter', label: 'Charter', capability: 'C8' },
  { path: '/frictions', label: 'Frictions', capability: 'C8', visible: (me) => me.can.readMetrics },
  { path: '/qbr', label: 'QBR', capability: 'C8', visible: (me) => me.can.readMetrics },
  // The product org: the count names who asked what.
  {
    path: '/status-requests',
    label: 'Status requests',
    capability: 'C8',
    visible: (me) => me.can.readStatusRequests,
  },
  // Everyone may read feedback and send it; correcting, triage and digests are checked on the pages.
  { path: '/insights', label: 'Insights', capability: 'C6' },
  // Everyone sees where updates are published; only Product Ops and admins change channels (on the page).
  { path: '/channels', label: 'Channels', capability: 'C2' },
  { path: '/settings', label: 'Settings', capability: 'C1' },
  { path: '/audit', label: 'Audit log', capability: 'C1', visible: (me) => me.can.readAudit },
  // Product Ops and up (the same policy as the audit log): the log names who was told what.
  { path: '/deliveries', label: 'Delivery log', capability: 'C2', visible: (me) => me.can.readDeliveries },
  // Product Ops and the admin: subscribers' URLs and their signing secrets.
  { path: '/webhooks', label: 'Webhooks', capability: 'C2', visible: (me) => me.can.manageWebhooks },
];

export const navFor = (me: TMe): NavEntry[] => NAV.filter((e) => e.visible?.(me) ?? true);
