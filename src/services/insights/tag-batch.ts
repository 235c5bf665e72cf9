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
