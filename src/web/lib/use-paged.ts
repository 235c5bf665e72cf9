import { useState } from 'react';
import type { Page } from '../api-client.ts';
import type { ResourceKey } from './query-keys.ts';
import { useLoad } from './use-load.ts';

export interface Paged<T> {
  items: T[] | undefined;
  error: Error | null;
  loading: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** A cursor-paged list: the first page follows `key` (filters), "Load more" appends the next page. */
export function usePaged<T>(
  key: ResourceKey,
  loadPage: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>,
): Paged<T> {
  const first = useLoad<Page<T>>(key, (signal) => loadPage(null, signal));
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  const page = first.data;
  const loadMore = () => {
    if (!page?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    loadPage(page.nextCursor).then(
      (next) => {
        first.setData({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
        setLoadingMore(false);
      },
      (err: unknown) => {
        setMoreError(err instanceof Error ? err : new Error(String(err)));
        setLoadingMore(false);
      },
    );
  };
  return {
    items: page?.items,
    error: first.error ?? moreError,
    loading: first.loading,
    hasMore: Boolean(page?.nextCursor),
    loadingMore,
    loadMore,
    reload: first.reload,
  };
}
