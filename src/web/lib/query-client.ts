import { QueryClient } from '@tanstack/react-query';

/**
 * The web app's one cache of server state (TanStack Query). Pages read through useLoad/usePaged, keyed by
 * resource (query-keys.ts); a component that writes invalidates what it changed (use-write.ts), so no page
 * passes a reload down its tree. The shared settings read is keyed under 'api'. A query is refetched whenever
 * a page mounts, so going back to a page shows the cached answer at once and then the fresh one.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
  },
});

/** Settings are read by most pages at once; within this many ms one answer serves them all. */
export const SHARED_READ_MS = 5_000;

/** Forgets everything cached: a different person (or nobody) is signed in now. */
export function forgetServerState(): void {
  queryClient.cancelQueries();
  queryClient.clear();
}
