import { makeArea } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import { bugs } from '../../db/schema/index.ts';
import type { ParsedRow } from '../../integrations/importers/index.ts';
import { systemActor } from '../actor.ts';
import { ingestFeedback } from '../insights/ingest.ts';
import { getSettings, updateSettings } from '../org/settings.ts';
import { closeBug } from '../quality/bugs.ts';
import { syncBugsFromInsights } from '../quality/bugs-sync.ts';
import { recordActiveUsers } from '../quality/burden.ts';
import { importStatusPings } from '../status/pings.ts';

/**
 * The quarter's records behind the velocity controls and the status requests (see quarter.fixture.ts): status
 * pings found in a Slack export, support tickets tagged by the agents, active users per month, bugs.
 */
const ops = systemActor('ops');
const CONFUSED = 'Where are the invoice settings? I am confused, nothing says where';
const BROKEN = 'The invoice export crashes with error 500';
const DASHBOARD = 'The dashboard filter is hard to find';

async function* tickets(specs: { day: string; n: number; text: string; kind: string; key: string }[]) {
  let line = 0;
  for (const s of specs)
    for (let i = 0; i < s.n; i++)
      yield {
        line: ++line,
        item: {
          externalId: `${s.key}-${s.day}-${i}`,
          title: s.text,
          body: `${s.text} (case ${i})`,
          occurredAt: `${s.day}T10:00:00.000Z`,
          customer: `Customer ${i}`,
          segment: null,
          evidenceType: null,
          severityHint: null,
          kindHint: s.kind,
          tags: [],
          url: null,
        },
      } satisfies ParsedRow;
}

export async function buildControls(db: Db, at: (instant: string) => Date, clock: () => Date) {
  const settings = await getSettings(db);
  await updateSettings({
    db,
    actor: ops,
    settings: {
      ...settings,
      insights: { ...settings.insights, areaKeywords: { billing: ['invoice'], reporting: ['dashboard'] } },
      // A handful of tickets per area here: judged from 5 on (the default asks for 20).
      thresholds: { ...settings.thresholds, confusedCustomerMinTickets: 5 },
    },
    now: at('2026-11-02T09:00:00Z'),
  });
  const billing = await makeArea(db, { name: 'Billing', slug: 'billing', activeUsers: 400 });
  const reporting = await makeArea(db, { name: 'Reporting', slug: 'reporting', activeUsers: 1000 });
  await recordActiveUsers({
    db,
    actor: ops,
    areaId: billing.id,
    entries: [
      { month: '2026-11', users: 400 },
      { month: '2026-12', users: 500 },
    ],
    timeZone: 'UTC',
    now: at('2026-12-01T09:00:00Z'),
  });
  // Bugs from the tickets tagged `bug`: sign-in (in no area) fixed within the limit; the invoice export open since
  // 20 Nov (26 days by now: over the 7-day limit from 28 Nov).
  const signIn = [{ day: '2026-10-05', n: 1, text: 'The sign-in page times out', kind: 'bug', key: 's' }];
  await ingestFeedback({
    db,
    actor: ops,
    source: 'support',
    format: 'api',
    fileName: 'test',
    rows: tickets(signIn),
    now: at('2026-10-05T12:00:00Z'),
  });
  await syncBugsFromInsights(db, clock());
  const [fixed] = await db.select({ id: bugs.id }).from(bugs);
  await closeBug({ db, actor: ops, id: fixed!.id, now: at('2026-10-08T12:00:00Z') });
  const ingest = (source: string, specs: Parameters<typeof tickets>[0]) =>
    ingestFeedback({
      db,
      actor: ops,
      source,
      format: 'api',
      fileName: 'test',
      rows: tickets(specs),
      now: at('2026-12-14T09:00:00Z'),
    });
  // Billing: 3 confused of 6 support tickets; community posts are not support tickets.
  await ingest('support', [
    { day: '2026-11-20', n: 1, text: BROKEN, kind: 'bug', key: 'b' },
    { day: '2026-12-01', n: 3, text: CONFUSED, kind: 'confusion', key: 'b' },
    { day: '2026-12-08', n: 2, text: BROKEN, kind: 'bug', key: 'b' },
  ]);
  await ingest('community', [{ day: '2026-12-08', n: 4, text: BROKEN, kind: 'bug', key: 'c' }]);
  // Reporting: two tickets, both tagged confusion by their words: too few to judge.
  await ingest('support', [
    { day: '2026-12-09', n: 1, text: DASHBOARD, kind: 'confusion', key: 'r' },
    { day: '2026-12-10', n: 1, text: DASHBOARD, kind: 'question', key: 'r' },
  ]);

  // Status pings: three in W40, one in W50.
  const pings = [
    ['2026-09-29T10:00:00Z', 'any update on audit export?'],
    ['2026-09-30T10:00:00Z', 'when does audit export ship?'],
    ['2026-10-01T10:00:00Z', 'status of SCIM?'],
    ['2026-12-08T10:00:00Z', 'is SCIM live?'],
  ] as const;
  await importStatusPings({
    db,
    actor: ops,
    now: at('2026-12-09T09:00:00Z'),
    exportName: 'slack-export.zip',
    pings: pings.map(([postedAt, text], i) => ({
      channel: 'C1',
      ts: `${i}.000`,
      postedAt: new Date(postedAt),
      userName: 'Sam Rivera',
      text,
      subject: null,
      reference: `C1/${i}`,
    })),
  });

  await syncBugsFromInsights(db, at('2026-12-14T12:00:00Z'));
  return { billing: billing.id, reporting: reporting.id };
}
