import { hashKey, keepPreviousData, type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { ResourceKey } from './query-keys.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  /** Fetches again, keeping what is shown until the answer arrives. */
  reload: () => void;
  /** Replaces the data with what a mutation returned, saving a round trip. */
  setData: (data: T) => void;
}

/** Keys whose answer was asked for before their page mounted: that first mount uses it rather than asking again. */
const prefetched = new Set<string>();

/**
 * Asks for a page's data before the page is there (the front door, alongside the session and the page's code),
 * so the two arrive together instead of one after the other.
 */
export function prefetchPage<T>(
  client: QueryClient,
  key: ResourceKey,
  load: (signal: AbortSignal) => Promise<T>,
): void {
  prefetched.add(hashKey(key));
  void client.prefetchQuery({ queryKey: key, queryFn: ({ signal }) => load(signal) });
}

/**
 * Loads data for a page through the query cache under `key` (lib/query-keys.ts: by resource, so a write
 * elsewhere can invalidate it) and reloads when the key changes (null: wait). Old data stays visible while the
 * next answer is on its way, so search-as-you-type does not flash; a page visited before shows its cached
 * answer at once while the fresh one loads.
 */
export function useLoad<T>(key: ResourceKey | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const client = useQueryClient();
  const query = useQuery<T, Error>({
    queryKey: key ?? ['waiting'],
    queryFn: ({ signal }) => loadRef.current(signal),
    enabled: key !== null,
    placeholderData: keepPreviousData,
    refetchOnMount: () => key === null || !prefetched.delete(hashKey(key)),
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const keyRef = useRef(key);
  keyRef.current = key;
  const setData = useCallback(
    (data: T) => client.setQueryData(keyRef.current ?? ['waiting'], data),
    [client],
  );
  return { data: query.data, error: query.error, loading: query.isFetching, reload, setData };
}
