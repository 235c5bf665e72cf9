import { useEffect, useState } from 'react';
import { api } from '../api-client.ts';

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
