import type { TArea, TMe, TPerson } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { releasesApi } from '../../api-releases.ts';
import { useLoad } from '../../lib/use-load.ts';
import { roadmapApi } from '../roadmap/roadmap-api.ts';

export interface Option {
  value: string;
  label: string;
}

/** What a decision can name: its owner and what it is linked to (pack §4: roadmap items, releases, insights). */
export interface DecisionOptions {
  timeZone: string;
  people: Option[];
  areas: Option[];
  items: Option[];
  releases: Option[];
  themes: Option[];
}

/** Records decisions: PMs, eng leads, Product Ops and up (the API's decision policy). */
export const canRecordDecision = (me: TMe) =>
  me.roles.some((r) => ['pm', 'eng_lead', 'product_ops', 'head_of_product', 'admin'].includes(r));

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label);

export const personOptions = (people: readonly TPerson[]): Option[] =>
  people
    .filter((p) => p.active)
    .map((p) => ({ value: p.id, label: p.name }))
    .sort(byLabel);

const areaOptions = (areas: readonly TArea[]): Option[] => areas.map((a) => ({ value: a.id, label: a.name }));

/** Loads the pickers' lists once per page; `enabled` false loads nothing (a reader who cannot record). */
export function useDecisionOptions(enabled = true) {
  return useLoad<DecisionOptions>(enabled ? ['decisions', 'options'] : null, async (signal) => {
    const [{ settings }, people, areas, items, releases] = await Promise.all([
      api.settings.get(signal),
      api.people.all(signal),
      api.areas.all(signal),
      roadmapApi.items(signal),
      releasesApi.list({}, signal),
    ]);
    return {
      timeZone: settings.timeZone,
      people: personOptions(people),
      areas: areaOptions(areas),
      items: items.map((i) => ({ value: i.id, label: `${i.title} (${i.areaName})` })).sort(byLabel),
      releases: releases.map((r) => ({ value: r.id, label: r.title })).sort(byLabel),
      themes: settings.insights.themes.map((t) => ({ value: t.key, label: t.label })),
    };
  });
}
