import type { TArea, TPerson } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { useLoad } from '../../lib/use-load.ts';
import type { Taxonomy } from './labels.ts';

export interface InsightsBase {
  tax: Taxonomy;
  timeZone: string;
  areas: TArea[];
  people: TPerson[];
}

/** What the routing and digest pages name things with: the taxonomy, the org's zone, areas and people. */
export function useInsightsBase() {
  return useLoad<InsightsBase>(['insights', 'base-people'], async (signal) => {
    const [{ settings }, areas, people] = await Promise.all([
      api.settings.get(signal),
      api.areas.all(signal),
      api.people.all(signal),
    ]);
    return { tax: settings.insights, timeZone: settings.timeZone, areas, people };
  });
}

export const personName = (people: readonly TPerson[], id: string | null): string | null =>
  id ? (people.find((p) => p.id === id)?.name ?? 'someone no longer here') : null;
