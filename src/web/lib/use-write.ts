import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ResourceKey } from './query-keys.ts';

/** Marks resources as changed: the queries under each key that are on screen fetch again (and are awaited). */
export function useInvalidate(): (...keys: readonly ResourceKey[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...keys: readonly ResourceKey[]) => {
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    [client],
  );
}

/**
 * Writes that say what they change (a TanStack mutation): `write(() => api.call(…))` runs the call and, once it
 * succeeds, invalidates `changes` — the queries under those keys on screen are read again before the promise
 * settles. So the component that writes keeps the page current itself instead of calling a reload passed down
 * the tree. Errors reach the caller (forms and action buttons show them).
 */
export function useWrite(changes: readonly ResourceKey[]): <R>(call: () => Promise<R>) => Promise<R> {
  const invalidate = useInvalidate();
  const { mutateAsync } = useMutation<unknown, Error, () => Promise<unknown>>({
    mutationFn: (call) => call(),
    onSuccess: () => invalidate(...changes),
  });
  return useCallback(<R>(call: () => Promise<R>) => mutateAsync(call) as Promise<R>, [mutateAsync]);
}
