import { useCallback, useEffect, useRef, useState } from 'react';
import type { TInsightItem, TInsightPatch } from '../../../shared/insights.ts';
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

/** The triage inbox's data: keyset pages by id, corrections in order per item. */
export function useInbox(filter: InsightFilter, areaName: (id: string | null) => string | null): Inbox {
  const key = JSON.stringify(filter);
  const [rows, setRowsState] = useState<TInsightItem[] | undefined>(undefined);
  const rowsRef = useRef<TInsightItem[] | undefined>(undefined);
  // Every change goes through here, so `latest()` never lags behind a keypress.
  const setRows = useCallback(
    (next: TInsightItem[] | undefined | ((r: TInsightItem[] | undefined) => TInsightItem[] | undefined)) => {
      rowsRef.current = typeof next === 'function' ? next(rowsRef.current) : next;
      setRowsState(rowsRef.current);
    },
    [],
  );
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [status, setStatus] = useState<Inbox['status']>(null);
  const [generation, setGeneration] = useState(0);
  // Per item: the last answer the server gave, the queue of its requests, and the number of the newest one.
  const confirmed = useRef(new Map<number, TInsightItem>());
  const chains = useRef(new Map<number, Promise<void>>());
  const latest = useRef(new Map<number, number>());
  const areaNameRef = useRef(areaName);
  areaNameRef.current = areaName;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filter; `generation` is reload
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    insightsApi.list({ ...filter, limit: PAGE }, controller.signal).then(
      (page) => {
        for (const item of page.items) confirmed.current.set(item.id, item);
        setRows(page.items);
        setNextBefore(page.nextBefore);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const loadMore = () => {
    if (nextBefore === null || loadingMore) return;
    setLoadingMore(true);
    insightsApi.list({ ...filter, limit: PAGE, before: nextBefore }).then(
      (page) => {
        for (const item of page.items) confirmed.current.set(item.id, item);
        setRows((r) => [...(r ?? []), ...page.items.filter((i) => !r?.some((x) => x.id === i.id))]);
        setNextBefore(page.nextBefore);
        setLoadingMore(false);
      },
      (err: unknown) => {
        setStatus({ text: problemFrom(err).message, error: true });
        setLoadingMore(false);
      },
    );
  };

  const correct = useCallback(
    (id: number, patch: TInsightPatch) => {
      const seq = (latest.current.get(id) ?? 0) + 1;
      latest.current.set(id, seq);
      setRows((r) => {
        const target = r?.find((x) => x.id === id);
        if (!r || !target) return r;
        // The server also applies it to the item's near-duplicates nobody reviewed yet.
        const alsoThese = (x: TInsightItem) =>
          x.id === id ||
          (target.groupId !== null && x.groupId === target.groupId && x.correctedTags.length === 0);
        return r.map((x) => (alsoThese(x) ? applyPatch(x, patch, areaNameRef.current) : x));
      });
      const run = async () => {
        try {
          const { item, applied } = await insightsApi.correct(id, patch);
          confirmed.current.set(id, item);
          if (latest.current.get(id) === seq) setRows((r) => r?.map((x) => (x.id === id ? item : x)));
          const words = correctionWords(patch, item);
          const others = applied > 1 ? ` (also ${applied - 1} similar)` : '';
          setStatus({
            text: `Saved “${item.title || item.body.slice(0, 40)}”: ${words}${others}.`,
            error: false,
          });
        } catch (err) {
          const before = confirmed.current.get(id);
          if (before && latest.current.get(id) === seq)
            setRows((r) => r?.map((x) => (x.id === id ? before : x)));
          setStatus({ text: `Not saved: ${problemFrom(err).message}`, error: true });
        }
      };
      const chain = (chains.current.get(id) ?? Promise.resolve()).then(run);
      chains.current.set(id, chain);
    },
    [setRows],
  );

  return {
    rows,
    error,
    loading,
    hasMore: nextBefore !== null,
    loadingMore,
    loadMore,
    reload: () => setGeneration((g) => g + 1),
    latest: () => rowsRef.current ?? [],
    correct,
    status,
  };
}
