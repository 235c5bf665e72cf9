import type { Db } from '../../db/client.ts';
import { addDays, todayIn } from '../../shared/calendar.ts';
import type { TContractInput } from '../../shared/contracts.ts';
import type { Actor } from '../actor.ts';
import { proposeContractVersion, signContract } from '../org/contracts.ts';

const DAY_MS = 86_400_000;

interface DemoVersion {
  /** Who proposes it (an email), and when, in days from now. */
  by: string;
  daysAgo: number;
  page: (today: string) => TContractInput;
  signers: string[];
  /** Who signed, days ago (the rest have not yet). */
  signed: [email: string, daysAgo: number][];
}

const billingPage = (today: string, deadlineIn: number): TContractInput => ({
  goal:
    'Every self-serve workspace can move to usage-based billing and understand each charge on its invoice, ' +
    'without asking us.',
  hypothesis:
    'A third of last quarter’s billing tickets were customers who could not tell why an invoice changed, and ' +
    'per-seat pricing is the reason lost deals give most. The 40 beta accounts that saw the usage breakdown ' +
    'filed 60% fewer billing tickets than the rest.',
  rightToWin:
    'We meter every API call ourselves and the money moves through our own payments stack; our QuickBooks and ' +
    'Xero integrations carry the usage lines into customers’ books. A competitor would need all three.',
  metrics: [
    { name: 'Workspaces on usage-based plans', target: '400 in the first 90 days after GA' },
    { name: 'Billing tickets per 1,000 active users', target: 'from 4.1 to under 2.5' },
    { name: 'Net revenue retention of usage-plan workspaces', target: '110% or more two quarters after GA' },
  ],
  risks: [
    {
      text: 'Moving a seat-based customer to usage pricing cannot be quietly undone: price changes are promised 60 days ahead.',
      oneWayDoor: true,
    },
    {
      text: 'Finance teams will reconcile against the usage lines: once out, the invoice format is hard to change.',
      oneWayDoor: true,
    },
    { text: 'Metering lag can show yesterday’s usage late on the billing page.', oneWayDoor: false },
  ],
  deadline: addDays(today, deadlineIn),
});

/** Billing: signed (a second version moved the deadline after the beta; everyone signed it again). */
const BILLING: DemoVersion[] = [
  {
    by: 'maya@example.com',
    daysAgo: 40,
    page: (today) => billingPage(today, 30),
    signers: ['hana@example.com', 'erik@example.com'],
    signed: [
      ['hana@example.com', 39],
      ['erik@example.com', 38],
    ],
  },
  {
    by: 'maya@example.com',
    daysAgo: 12,
    page: (today) => billingPage(today, 45),
    signers: ['hana@example.com', 'erik@example.com', 'sam@example.com'],
    signed: [
      ['hana@example.com', 11],
      ['sam@example.com', 10],
      ['erik@example.com', 9],
    ],
  },
];

/** Onboarding: proposed this week, the Head of Product has signed, Customer Success and Marketing not yet. */
const ONBOARDING: DemoVersion[] = [
  {
    by: 'leo@example.com',
    daysAgo: 3,
    page: (today) => ({
      goal: 'Every new workspace invites a teammate and finishes setup on its first day, without a call with us.',
      hypothesis:
        'Workspaces with a second member on day one keep twice as many seats at 90 days; 38% have one today, ' +
        'and setup calls take a quarter of Customer Success’s week.',
      rightToWin:
        'We own the signup, the welcome tour and the checklist, and see every setup step in our own analytics: ' +
        'we can change the path every week.',
      metrics: [
        { name: 'New workspaces with a second member on day one', target: 'from 38% to 55%' },
        { name: 'Setup calls booked with Customer Success', target: 'halved' },
      ],
      risks: [
        {
          text: 'Asking for a teammate’s email at signup changes what we collect there: Legal must approve it first.',
          oneWayDoor: true,
        },
        { text: 'Help articles that link to the old welcome tour’s steps break.', oneWayDoor: false },
      ],
      deadline: addDays(today, 50),
    }),
    signers: ['hana@example.com', 'chris@example.com', 'mina@example.com'],
    signed: [['hana@example.com', 2]],
  },
];

/**
 * Strategy contracts (issue 15): the Billing pod's is signed, the Onboarding pod's awaits sign-off, the other
 * pods have none yet. Proposed and signed at instants back from `now`, through the services (so its signers were
 * asked through the delivery system like anyone's).
 */
export async function seedDemoContracts(
  db: Db,
  o: {
    podIds: Map<string, string>;
    personIds: Map<string, string>;
    actorOf: (email: string) => Actor;
    timeZone: string;
    now: Date;
  },
): Promise<void> {
  const ago = (days: number) => new Date(o.now.getTime() - days * DAY_MS);
  for (const [area, versions] of [
    ['billing', BILLING],
    ['onboarding', ONBOARDING],
  ] as const) {
    const podId = o.podIds.get(area)!;
    for (const v of versions) {
      const at = ago(v.daysAgo);
      await proposeContractVersion({
        db,
        actor: o.actorOf(v.by),
        podId,
        input: { ...v.page(todayIn(o.timeZone, at)), signers: v.signers.map((e) => o.personIds.get(e)!) },
        now: at,
      });
      for (const [email, daysAgo] of v.signed)
        await signContract({ db, actor: o.actorOf(email), podId, now: ago(daysAgo) });
    }
  }
}
