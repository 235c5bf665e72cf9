/**
 * Generates realistic support feedback for the insights benchmarks: ticket-like titles and bodies of varied
 * length (100–900 characters), spread over 90 days, across themes, segments and priorities, with one in ten a
 * near-duplicate of an earlier ticket (another order number). Deterministic for a seed; streams to a file.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const SUBJECTS = [
  ['invoice', 'billing page', 'subscription', 'plan upgrade', 'refund', 'seat count', 'payment method'],
  ['sign up', 'onboarding checklist', 'invite email', 'workspace setup', 'first project', 'tutorial'],
  ['dashboard', 'report export', 'search', 'mobile app', 'API', 'integration with Salesforce', 'SSO login'],
  ['loading', 'sync', 'notifications', 'CSV import', 'permissions', 'audit log', 'calendar view'],
];
const OPENERS = ['Hi team,', 'Hello,', 'Hey there,', 'Good morning,', '', '', 'Urgent:'];
const PROBLEMS = [
  'the {s} keeps failing with an error when I try to save',
  'I cannot find where to change the {s}',
  'how do I set up the {s} for my team?',
  'it would be great if the {s} supported custom fields',
  'the {s} is really slow, it takes forever to load',
  'we were charged twice for the {s} this month',
  'love the new {s}, it saves us hours every week',
  'the {s} is confusing and my colleagues keep asking me where things are',
  'our whole team is blocked because the {s} is down',
  'is there a way to export the {s} to Excel?',
];
const DETAILS = [
  'This started after the update on Tuesday.',
  'We are on the enterprise plan with about 400 users.',
  'I tried clearing the cache and logging out and in again.',
  'Our finance team needs this before the end of the quarter.',
  'Steps: open the page, click the button, wait. Nothing happens.',
  'If this is not fixed we will have to look at other tools.',
  'A workaround for now is to use the old version, but it is annoying.',
  'Screenshots attached. Order number {n}.',
  'Thanks for the quick help last time!',
  'Several customers mentioned the same thing on our call today.',
];
const SEGMENTS = ['smb', 'mid-market', 'enterprise', 'new-user', 'power-user'];
const PRIORITIES = ['low', 'normal', 'normal', 'high', 'urgent'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csv = (v: string) => `"${v.replace(/"/g, '""')}"`;

export interface Ticket {
  id: string;
  createdAt: string;
  title: string;
  body: string;
  customer: string;
  segment: string;
  priority: string;
}

export function* tickets(n: number, seed = 42, endMs = Date.UTC(2026, 10, 20)): Generator<Ticket> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const recent: Ticket[] = [];
  for (let i = 1; i <= n; i += 1) {
    const createdAt = new Date(endMs - Math.floor(r() * 90 * 86_400_000)).toISOString();
    if (recent.length > 50 && r() < 0.1) {
      const orig = pick(recent);
      yield { ...orig, id: `T-${i}`, createdAt, body: orig.body.replace(/\d{5,}/g, String(10000 + i)) };
      continue;
    }
    const subject = pick(pick(SUBJECTS));
    const problem = pick(PROBLEMS).replace('{s}', subject);
    const sentences = [pick(OPENERS), `${problem[0]!.toUpperCase()}${problem.slice(1)}.`];
    const extra = Math.floor(r() * 6);
    for (let k = 0; k < extra; k += 1) sentences.push(pick(DETAILS).replace('{n}', String(10000 + i)));
    const t: Ticket = {
      id: `T-${i}`,
      createdAt,
      title: `${subject[0]!.toUpperCase()}${subject.slice(1)}: ${problem.split(' ').slice(0, 6).join(' ')}`,
      body: sentences.filter(Boolean).join(' '),
      customer: `Account ${1 + Math.floor(r() * 5000)}`,
      segment: pick(SEGMENTS),
      priority: pick(PRIORITIES),
    };
    if (recent.length < 500) recent.push(t);
    else recent[Math.floor(r() * 500)] = t;
    yield t;
  }
}

/** Writes `n` tickets as CSV (id, created_at, title, body, customer, segment, priority) with backpressure. */
export async function writeTicketsCsv(file: string, n: number, seed = 42): Promise<void> {
  const out = createWriteStream(file);
  out.write('id,created_at,title,body,customer,segment,priority\n');
  for (const t of tickets(n, seed)) {
    const line = `${t.id},${t.createdAt},${csv(t.title)},${csv(t.body)},${csv(t.customer)},${t.segment},${t.priority}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
