import type { TDecisionLogEntry } from '../../../shared/decisions.ts';
import { api, listAll } from '../../api-client.ts';
import { useLoad } from '../../lib/use-load.ts';
import { type Option, personOptions } from '../decisions/decision-options.ts';
import { roadmapApi } from '../roadmap/roadmap-api.ts';

/** What a bet names: its pod, its owner and the roadmap items it stands behind; and decisions for briefs. */
export interface BetOptions {
  pods: Option[];
  people: Option[];
  items: Option[];
  decisions: Option[];
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

/** The pickers' lists, loaded once per page; `enabled` false loads nothing. */
export function useBetOptions(enabled = true) {
  return useLoad<BetOptions>(enabled ? ['bets', 'options'] : null, async (signal) => {
    const [pods, people, items, decisions] = await Promise.all([
      api.pods.all(signal),
      api.people.all(signal),
      roadmapApi.items(signal),
      listAll<TDecisionLogEntry>('/decisions?status=active', signal),
    ]);
    return {
      pods: pods.map((p) => ({ value: p.id, label: p.name })).sort(byLabel),
      people: personOptions(people),
      items: items.map((i) => ({ value: i.id, label: `${i.title} (${i.areaName})` })).sort(byLabel),
      decisions: decisions.map((d) => ({ value: d.id, label: `#${d.number} ${d.title}` })),
    };
  });
}
