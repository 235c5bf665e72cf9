/**
 * The decision log's filters in the URL: the same names as the API's query (`q`, `ownerId`, …), so a filtered
 * log is a link anyone can share and the page sends what the address says.
 */
export const DECISION_FILTER_KEYS = [
  'q',
  'ownerId',
  'status',
  'due',
  'areaId',
  'roadmapItemId',
  'releaseId',
  'theme',
  'from',
  'to',
] as const;
export type DecisionFilterKey = (typeof DECISION_FILTER_KEYS)[number];
export type DecisionFilterValues = Partial<Record<DecisionFilterKey, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Only values the API accepts: a hand-edited address gives an unfiltered list, never a 400. */
function valid(key: DecisionFilterKey, value: string): boolean {
  if (key === 'status') return value === 'active' || value === 'superseded';
  if (key === 'due') return value === 'true';
  if (key === 'from' || key === 'to') return DATE.test(value);
  if (key === 'q') return value.length <= 200;
  return value.length > 0 && value.length <= 80;
}

export function filterFromParams(params: URLSearchParams): DecisionFilterValues {
  const out: DecisionFilterValues = {};
  for (const key of DECISION_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && valid(key, value)) out[key] = value;
  }
  return out;
}

export function paramsFromFilter(filter: DecisionFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of DECISION_FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

/** A stable key for reloading the list when (and only when) the filter changes. */
export const filterKey = (filter: DecisionFilterValues): string => paramsFromFilter(filter).toString();

export const isFiltered = (filter: DecisionFilterValues): boolean =>
  DECISION_FILTER_KEYS.some((k) => filter[k]);
