import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { TReadinessLink } from '../../../shared/release-detail.ts';
import { releasesApi } from '../../api-releases.ts';
import { formatLocalDate } from '../../lib/org-time.ts';

type State =
  | { step: 'working' }
  | { step: 'done'; link: TReadinessLink }
  | { step: 'failed'; message: string };

/**
 * The one-click "I'm ready" link from the bundle's email or Slack message. Public: the token is the credential.
 * Opening the page is the click: it confirms at once, in script, so link scanners (which run none) do not.
 */
export function ReadyPage() {
  const { token = '' } = useParams();
  const [state, setState] = useState<State>({ step: 'working' });
  const started = useRef(false);
  useEffect(() => {
    document.title = 'Readiness · prodops';
    if (started.current) return;
    started.current = true;
    (async () => {
      try {
        const link = await releasesApi.readiness(token);
        await releasesApi.confirmReadiness(token);
        setState({ step: 'done', link });
      } catch (err) {
        setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  }, [token]);

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="product-name large">prodops</p>
        <h1>Launch readiness</h1>
        {state.step === 'working' ? (
          <p role="status">Recording your readiness…</p>
        ) : state.step === 'done' ? (
          <p role="status" className="ready-thanks">
            Thanks, {state.link.person}: {state.link.kind === 'support' ? 'Support' : 'Sales'} readiness for{' '}
            {state.link.title} (launch {formatLocalDate(state.link.targetDate, true)}) is recorded.
          </p>
        ) : (
          <div className="notice error" role="alert">
            <p>Your readiness could not be recorded: {state.message}</p>
          </div>
        )}
      </div>
    </main>
  );
}
