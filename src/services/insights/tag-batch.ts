import { duplicateKey } from '../../domain/insights/dedupe.ts';
import type { IncomingItem } from '../../integrations/importers/index.ts';
import type { Tagger, Tags } from './tagging.ts';

export interface TaggedItem {
  item: IncomingItem;
  tags: Tags;
  dupKey: string;
}

/** Tags and keys one batch: the CPU-bound half of an import, the same on the main thread or in a worker. */
export function tagBatch(tagger: Tagger, items: IncomingItem[]): TaggedItem[] {
  return items.map((item) => ({ item, tags: tagger.tag(item), dupKey: duplicateKey(item.title, item.body) }));
}

/** The staging table a bulk import COPYs each batch into (copy-writer.ts); the columns in COPY order. */
export const STAGING_COLUMNS = `external_id text, title text, body text, customer text, segment text,
  evidence_type text, occurred_at timestamptz, kind text, kind_confidence real, theme text, theme_confidence real,
  severity text, severity_confidence real, area_id uuid, area_confidence real, dup_key bigint`;

const SPECIAL = /[\\\n\r\t]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: tab-separated, \N for null, backslash escapes. */
function copyText(v: string | null): string {
  if (v === null) return '\\N';
  return SPECIAL.test(v) ? v.replace(/[\\\n\r\t]/g, (c) => ESCAPES[c]!) : v;
}

/**
 * Tags one batch straight into COPY rows for the staging table: a worker hands back one string (cheap to pass
 * between threads, unlike thousands of objects) that the main thread streams to the database as it is.
 */
export function tagBatchForCopy(tagger: Tagger, items: IncomingItem[]): string {
  let out = '';
  for (const item of items) {
    const t = tagger.tag(item);
    out += `${copyText(item.externalId)}\t${copyText(item.title)}\t${copyText(item.body)}\t${copyText(item.customer)}\t${copyText(t.segment)}\t${copyText(t.evidenceType)}\t${copyText(item.occurredAt)}\t${copyText(t.kind)}\t${t.kindConfidence}\t${copyText(t.theme)}\t${t.themeConfidence}\t${copyText(t.severity)}\t${t.severityConfidence}\t${copyText(t.areaId)}\t${t.areaConfidence}\t${duplicateKey(item.title, item.body)}\n`;
  }
  return out;
}
