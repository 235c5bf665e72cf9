import { isLocalDate } from '../../../shared/calendar.ts';
import type { TTier } from '../../../shared/releases.ts';
import { releasesApi } from '../../api-releases.ts';
import { launchDateAdvice } from '../../lib/lead-time.ts';
import { tierText } from '../../lib/release-labels.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';

/**
 * Before saving: whether the chosen launch date respects the chosen tier's lead times, and by when the bundle
 * must be distributed and published (the same rule, work week and holidays the release page uses afterwards).
 */
export function LaunchDateAdvice({ tier, launch }: { tier: TTier | null; launch: string }) {
  const timeZone = useOrgTimeZone();
  const asked = tier !== null && isLocalDate(launch) ? { tier, launch } : null;
  const lt = useLoad(asked ? ['releases', 'lead-time', asked.tier, asked.launch] : null, (signal) =>
    releasesApi.leadTime(asked?.tier ?? 1, asked?.launch ?? launch, signal),
  );
  // An answer for an earlier choice is not shown while the new one loads.
  const data = asked && lt.data?.tier === asked.tier && lt.data.launch === asked.launch ? lt.data : null;
  const advice = data ? launchDateAdvice(data, tierText(data.tier)) : null;
  return (
    <div
      className={`notice launch-advice ${advice?.tone === 'warn' ? 'warn' : ''}`}
      role="status"
      aria-live="polite"
      aria-label="Lead time for this launch date"
      hidden={!advice}
    >
      {advice ? (
        <>
          <p>
            <strong>{advice.tone === 'warn' ? 'Lead-time warning' : 'Lead time'}</strong>{' '}
            <span className="muted">
              (business days; dates in the org's calendar{timeZone ? `, ${timeZone}` : ''})
            </span>
          </p>
          <ul>
            {advice.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
