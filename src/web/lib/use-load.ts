import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | null;
  loading: boolean;
  /** Fetches again, keeping what is shown until the answer arrives. */
  reload: () => void;
  /** Replaces the data with what a mutation returned, saving a round trip. */
  setData: (data: T) => void;
}

/**
 * Loads data for a page through the query cache and reloads when `key` changes (null: wait). Old data stays
 * visible while the next answer is on its way, so search-as-you-type does not flash; a page visited before
 * shows its cached answer at once while the fresh one loads.
 */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const client = useQueryClient();
  const query = useQuery<T, Error>({
    queryKey: ['page', key],
    queryFn: ({ signal }) => loadRef.current(signal),
    enabled: key !== null,
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback((data: T) => client.setQueryData(['page', key], data), [client, key]);
  return { data: query.data, error: query.error, loading: query.isFetching, reload, setData };
}
