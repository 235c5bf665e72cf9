import { seededRandom } from '../../domain/insights/tagger/random.ts';
import type { ParsedRow } from '../../integrations/importers/index.ts';
import { type Kind, TICKETS } from './demo-ticket-texts.ts';

/**
 * The demo's support tickets, written for it (no real customer's words ship): per area, the things customers
 * say — confused, hit by a bug, asking for something, pleased — in a few phrasings each, from named customers
 * in every segment, over the last eight weeks. Some repeat word for word but for a number (near-duplicates to
 * merge); a few name no area (a theme for Product Ops to give an owner). Generated from a fixed seed, so every
 * first start tells the same story, dated back from its own now. The tickets' words are in demo-ticket-texts.ts.
 */

/**
 * The demo's bug waiting for a decision (issue 15, no bug backlog): Reporting's scheduled report, in beta with
 * five customers, lost its charts. Every copy in the same words (one group of near-duplicates: one bug), on fixed
 * days back from now — first 19 days ago, so it is well over the 7-day limit, and still coming in. The other
 * bugs of the demo have their decision (services/setup/demo-bugs.ts); this one waits for Reporting's PM or the
 * week's rotation.
 */
export const DEMO_UNDECIDED_BUG = {
  title: 'Scheduled report arrives without its charts',
  body: 'The scheduled report we email to our execs every Monday arrives without any charts since report {n}. Broken for weeks now.',
  priority: 'high',
  daysBack: [19, 12, 6, 2],
  customers: ['Helios Energy', 'Orbit Freight', 'Wayne Foundation', 'Lumen Clinics'],
} as const;

const CUSTOMERS: [name: string, segment: string][] = [
  ['Northwind Traders', 'mid-market'],
  ['Globex Corporation', 'enterprise'],
  ['Initech', 'mid-market'],
  ['Umbrella Health', 'enterprise'],
  ['Blue Finch Bakery', 'smb'],
  ['Hooli', 'enterprise'],
  ['Pied Piper', 'smb'],
  ['Vandelay Industries', 'mid-market'],
  ['Acme Logistics', 'mid-market'],
  ['Stark Outfitters', 'smb'],
  ['Wayne Foundation', 'enterprise'],
  ['Tyrell Labs', 'power-user'],
  ['Bright Path Tutors', 'new-user'],
  ['Kestrel Design Studio', 'smb'],
  ['Orbit Freight', 'mid-market'],
  ['Maple & Co Accounting', 'smb'],
  ['Helios Energy', 'enterprise'],
  ['Lumen Clinics', 'mid-market'],
  ['Copperleaf Games', 'power-user'],
  ['Fresh Start Fitness', 'new-user'],
];

const OPENERS = ['', 'Hi team, ', 'Hello, ', 'Hi support, ', 'Quick one: '];
const HINT: Record<Kind, string> = {
  confusion: 'question',
  bug: 'problem',
  feature_request: 'feature',
  praise: 'praise',
  complaint: 'complaint',
};

const DAY_MS = 86_400_000;
/** How far back the tickets go. */
const WEEKS = 8;

export interface DemoTicket {
  externalId: string;
  title: string;
  body: string;
  customer: string;
  segment: string;
  severityHint: string | null;
  kindHint: string;
  occurredAt: string;
}

/**
 * The tickets (about 300), dated back from `now`: each template comes in its number of times over the eight
 * weeks, or twice that within the last two for the ones rising now.
 */
export function demoTickets(now: Date): DemoTicket[] {
  const random = seededRandom(13);
  const out: DemoTicket[] = [];
  for (const [area, templates] of Object.entries(TICKETS)) {
    for (const [t, [kind, title, body, priority, times, rising]] of templates.entries()) {
      const count = rising ? times * 2 : times;
      for (let i = 0; i < count; i += 1) {
        const [customer, segment] = CUSTOMERS[Math.floor(random() * CUSTOMERS.length)]!;
        const n = String(2 + Math.floor(random() * 90));
        const d = String(1 + Math.floor(random() * 27));
        const fill = (s: string) => s.replaceAll('{n}', n).replaceAll('{d}', d);
        // Rising themes: the last 14 days; the rest: the whole 8 weeks, evenly.
        const daysBack = rising ? random() * 14 : random() * WEEKS * 7;
        const at = new Date(now.getTime() - Math.max(0.05, daysBack) * DAY_MS);
        // Half repeat the template's words exactly (near-duplicates); half open in their own words.
        const opener = i % 2 ? OPENERS[Math.floor(random() * OPENERS.length)]! : '';
        out.push({
          externalId: `demo-${area}-${t}-${i}`,
          title: fill(title),
          body: `${opener}${fill(body)}${i % 2 ? ` — ${customer}` : ''}`,
          customer,
          segment,
          severityHint: priority,
          kindHint: HINT[kind],
          occurredAt: at.toISOString(),
        });
      }
    }
  }
  const story = DEMO_UNDECIDED_BUG;
  for (const [i, daysBack] of story.daysBack.entries()) {
    const customer = story.customers[i]!;
    out.push({
      externalId: `demo-bug-story-${i}`,
      title: story.title,
      body: story.body.replaceAll('{n}', String(40 + i)),
      customer,
      segment: CUSTOMERS.find(([name]) => name === customer)![1],
      severityHint: story.priority,
      kindHint: HINT.bug,
      occurredAt: new Date(now.getTime() - (daysBack + 0.3) * DAY_MS).toISOString(),
    });
  }
  return out.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

/** The tickets as an importer's rows: the demo ingests them like any support export. */
export async function* demoTicketRows(now: Date): AsyncIterable<ParsedRow> {
  for (const [i, t] of demoTickets(now).entries())
    yield {
      line: i + 1,
      item: { ...t, evidenceType: 'quote', tags: [], url: null },
    };
}
