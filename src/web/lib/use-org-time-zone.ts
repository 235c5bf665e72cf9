import { useQuery } from '@tanstack/react-query';
import { api } from '../api-client.ts';

/** The org's time zone from its settings, for pages whose data does not carry it (null until it is known). */
export function useOrgTimeZone(): string | null {
  const settings = useQuery({
    queryKey: ['page', 'org-time-zone'],
    queryFn: ({ signal }) => api.settings.get(signal),
  });
  return settings.data?.settings.timeZone ?? null;
}
