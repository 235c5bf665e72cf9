import { type InfiniteData, keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { TInsightItem, TInsightList, TInsightPatch } from '../../../shared/insights.ts';
import { type InsightFilter, insightsApi } from '../../api-insights.ts';
import { problemFrom } from '../../lib/forms.ts';
import { correctionWords } from './labels.ts';

const PAGE = 50;

/** The patch's fields as the names `correctedTags` uses. */
const TAG_OF = { kind: 'kind', theme: 'theme', severity: 'severity', areaId: 'area' } as const;

/**
 * What the server does to a corrected item, done here first so the row changes at the keypress: the new values
 * with full confidence, the fields marked as corrected.
 */
export function applyPatch(
  item: TInsightItem,
  patch: TInsightPatch,
  areaName: (id: string | null) => string | null,
) {
  const next: TInsightItem = { ...item, correctedTags: [...item.correctedTags] };
  for (const key of Object.keys(TAG_OF) as (keyof typeof TAG_OF)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    if (key === 'kind') Object.assign(next, { kind: value, kindConfidence: 1 });
    if (key === 'theme') Object.assign(next, { theme: value, themeConfidence: 1 });
    if (key === 'severity') Object.assign(next, { severity: value, severityConfidence: 1 });
    if (key === 'areaId')
      Object.assign(next, { areaId: value, areaName: areaName(value), areaConfidence: 1 });
    if (!next.correctedTags.includes(TAG_OF[key])) next.correctedTags.push(TAG_OF[key]);
  }
  return next;
}

export interface Inbox {
  rows: TInsightItem[] | undefined;
  error: Error | null;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** The rows as they are now, including changes not rendered yet (keys pressed faster than React renders). */
  latest: () => TInsightItem[];
  /** Optimistic: the row changes now, the server's answer replaces it, a failure puts the old one back. */
  correct: (id: number, patch: TInsightPatch) => void;
  /** The last outcome, for the live region: "Saved: kind bug.", or the API's problem. */
  status: { text: string; error: boolean } | null;
}

type Pages = InfiniteData<TInsightList, number | null>;

const rowsOf = (data: Pages | undefined) => {
  if (!data) return undefined;
  const seen = new Set<number>();
  return data.pages.flatMap((p) => p.items).filter((i) => !seen.has(i.id) && seen.add(i.id));
};

/** Each page's rows through `edit`: optimistic corrections and the server's answers land in the cache. */
const editRows = (data: Pages | undefined, edit: (rows: TInsightItem[]) => TInsightItem[]) =>
  data && { ...data, pages: data.pages.map((p) => ({ ...p, items: edit(p.items) })) };

/** What the status line says of a saved correction: "Saved “Invoice wrong”: kind bug (also 2 similar)." */
function savedText(item: TInsightItem, patch: TInsightPatch, applied: number): string {
  const others = applied > 1 ? ` (also ${applied - 1} similar)` : '';
  return `Saved “${item.title || item.body.slice(0, 40)}”: ${correctionWords(patch, item)}${others}.`;
}

/**
 * The triage inbox's data: keyset pages by id in the query cache, corrections optimistic and in order per
 * item. The cache is read synchronously, so `latest()` never lags behind a keypress.
 */
export function useInbox(filter: InsightFilter, areaName: (id: string | null) => string | null): Inbox {
  const client = useQueryClient();
  const queryKey = ['insights-inbox', filter];
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) =>
      insightsApi.list({ ...filter, limit: PAGE, before: pageParam }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // A new filter keeps the old rows on screen until its answer arrives.
    placeholderData: keepPreviousData,
  });
  const [status, setStatus] = useState<Inbox['status']>(null);
  // Per item: the queue of its requests and the number of the newest one (an older answer must not win).
  const chains = useRef(new Map<number, Promise<void>>());
  const newest = useRef(new Map<number, number>());
  const areaNameRef = useRef(areaName);
  areaNameRef.current = areaName;
  const keyRef = useRef(queryKey);
  keyRef.current = queryKey;

  const setRows = useCallback(
    (edit: (rows: TInsightItem[]) => TInsightItem[]) =>
      client.setQueryData<Pages>(keyRef.current, (data) => editRows(data, edit)),
    [client],
  );

  const correct = useCallback(
    (id: number, patch: TInsightPatch) => {
      const seq = (newest.current.get(id) ?? 0) + 1;
      newest.current.set(id, seq);
      const before = rowsOf(client.getQueryData<Pages>(keyRef.current))?.find((x) => x.id === id);
      if (!before) return;
      // The server also applies it to the item's near-duplicates nobody reviewed yet.
      const alsoThese = (x: TInsightItem) =>
        x.id === id ||
        (before.groupId !== null && x.groupId === before.groupId && x.correctedTags.length === 0);
      setRows((rows) => rows.map((x) => (alsoThese(x) ? applyPatch(x, patch, areaNameRef.current) : x)));
      const run = async () => {
        try {
          const { item, applied } = await insightsApi.correct(id, patch);
          if (newest.current.get(id) === seq) setRows((rows) => rows.map((x) => (x.id === id ? item : x)));
          setStatus({ text: savedText(item, patch, applied), error: false });
        } catch (err) {
          if (newest.current.get(id) === seq) setRows((rows) => rows.map((x) => (x.id === id ? before : x)));
          setStatus({ text: `Not saved: ${problemFrom(err).message}`, error: true });
        }
      };
      const chain = (chains.current.get(id) ?? Promise.resolve()).then(run);
      chains.current.set(id, chain);
    },
    [client, setRows],
  );

  const loadMore = () => {
    if (!query.hasNextPage || query.isFetchingNextPage) return;
    query.fetchNextPage().then(
      (r) => r.error && setStatus({ text: problemFrom(r.error).message, error: true }),
      () => undefined,
    );
  };

  return {
    rows: rowsOf(query.data as Pages | undefined),
    error: query.error,
    loading: query.isFetching && !query.isFetchingNextPage,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore,
    reload: () => void query.refetch(),
    latest: () => rowsOf(client.getQueryData<Pages>(keyRef.current)) ?? [],
    correct,
    status,
  };
}
