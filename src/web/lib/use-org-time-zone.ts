import { useQuery } from '@tanstack/react-query';
import { api } from '../api-client.ts';
import { formatInstant } from './org-time.ts';
import type { ResourceKey } from './query-keys.ts';

/** The org's time zone from its settings, for pages whose data does not carry it (null until it is known). */
export function useOrgTimeZone(): string | null {
  const settings = useQuery({
    queryKey: ['settings', 'time-zone'] satisfies ResourceKey,
    queryFn: ({ signal }) => api.settings.get(signal),
  });
  return settings.data?.settings.timeZone ?? null;
}

/** An instant as every page shows it (formatInstant): in the org's zone, labelled; "…" until the zone is known. */
export function useFormatInstant(): (iso: string) => string {
  const timeZone = useOrgTimeZone();
  return (iso) => (timeZone ? formatInstant(iso, timeZone) : '…');
}
