import { useEffect, useState } from 'react';
import { api } from '../api-client.ts';
import { formatInstant } from './org-time.ts';

/** The org's time zone from its settings, for pages whose data does not carry it (null until it is known). */
export function useOrgTimeZone(): string | null {
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.settings.get(controller.signal).then(
      (r) => setTimeZone(r.settings.timeZone),
      () => undefined,
    );
    return () => controller.abort();
  }, []);
  return timeZone;
}

/** An instant as every page shows it (formatInstant): in the org's zone, labelled; "…" until the zone is known. */
export function useFormatInstant(): (iso: string) => string {
  const timeZone = useOrgTimeZone();
  return (iso) => (timeZone ? formatInstant(iso, timeZone) : '…');
}
