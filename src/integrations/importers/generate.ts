import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

type GeneratedFormat = 'csv' | 'jsonl' | 'zendesk';

/**
 * Writes a synthetic feedback file of about `bytes` for memory tests and benchmarks: ticket-like bodies of
 * 100 to `maxBody` characters (by default 2,000: mean ≈ 1,050) with commas, quotes and line breaks, so the
 * parsers do their real work.
 */
export async function writeFeedbackFile(
  path: string,
  bytes: number,
  format: GeneratedFormat,
  maxBody = 2_000,
): Promise<number> {
  const out = createWriteStream(path);
  out.write(OPENING[format]);
  let written = 0;
  let rows = 0;
  while (written < bytes) {
    const line = LINE[format](rows, maxBody);
    written += Buffer.byteLength(line);
    rows++;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end(CLOSING[format]);
  await once(out, 'finish');
  return rows;
}

const OPENING: Record<GeneratedFormat, string> = {
  csv: 'id,title,body,created_at,customer,segment,priority,type,tags\n',
  jsonl: '',
  zendesk: '{"tickets":[\n',
};
const CLOSING: Record<GeneratedFormat, string> = { csv: '', jsonl: '', zendesk: '],"next_page":null}\n' };
const LINE: Record<GeneratedFormat, (n: number, maxBody: number) => string> = {
  csv: (n, maxBody) => `${Object.values(ticket(n, maxBody)).map(csvCell).join(',')}\n`,
  jsonl: (n, maxBody) => `${JSON.stringify(ticket(n, maxBody))}\n`,
  zendesk: (n, maxBody) => `${n === 0 ? '' : ','}${JSON.stringify(zendeskTicket(n, maxBody))}\n`,
};

const WORDS = (
  'the export button does nothing when I click it and the page keeps loading, our team cannot ' +
  'finish the monthly report "again" because sync fails after login; please help us with billing ' +
  'invoices dashboard slow mobile app crashes on Android when opening settings'
).split(' ');

function ticket(n: number, maxBody: number) {
  const length = 100 + ((n * 7919) % Math.max(1, maxBody - 100));
  let body = '';
  for (let i = 0; body.length < length; i++) {
    body += `${WORDS[(n + i * 13) % WORDS.length]}${i % 40 === 39 ? '\n' : ' '}`;
  }
  return {
    id: `T-${n}`,
    title: `Ticket ${n}: ${WORDS[n % WORDS.length]} problem`,
    body,
    created_at: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
    customer: `Customer ${n % 5000}`,
    segment: ['smb', 'mid-market', 'enterprise'][n % 3]!,
    priority: ['low', 'normal', 'high', 'urgent'][n % 4]!,
    type: ['problem', 'question', 'incident', 'task'][n % 4]!,
    tags: 'export;billing',
  };
}

function zendeskTicket(n: number, maxBody: number) {
  const { id, title, body, created_at, priority, type } = ticket(n, maxBody);
  return {
    url: `https://example.zendesk.com/api/v2/tickets/${n + 1}.json`,
    id: n + 1,
    via: { channel: 'email', source: { from: { address: `user${n % 900}@example.org` } } },
    created_at,
    type,
    subject: title,
    description: `<p>${body.replace(/\n/g, '</p><p>')}</p>`,
    priority,
    status: 'open',
    requester_id: n % 900,
    organization_id: n % 300,
    tags: ['generated', id],
  };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
