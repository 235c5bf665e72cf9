import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { TBroadcastHeld } from '../../../shared/broadcasts.ts';
import { ApiError } from '../../api-client.ts';
import { insightsApi } from '../../api-insights.ts';
import { MarkdownBlock } from '../../components/markdown-block.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { UndoBanner } from '../../components/undo-banner.tsx';
import { formatInstant, formatMonth } from '../../lib/org-time.ts';
import { DIGEST_CHANGES } from '../../lib/query-keys.ts';
import { useMe } from '../../lib/session.tsx';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useInvalidate } from '../../lib/use-write.ts';
import { InsightsTabs } from './insights-tabs.tsx';
import { managesInsights } from './labels.ts';
import { type DigestPublished, PublishDigestButton } from './publish-digest.tsx';
import { useInsightsBase } from './use-insights-base.ts';
import './insights.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The page's h1 is the digest's title: the markdown's own first heading would say it twice. */
const withoutTitle = (markdown: string) => markdown.replace(/^# .*\n+/, '');

/** A month's Monthly Insights Digest (latest version), rendered from its markdown. */
export function DigestPage() {
  const { month = '' } = useParams();
  const me = useMe();
  const who = useActorText();
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as Partial<DigestPublished> | null;
  // The banner stays once shown (dismissed or undone by hand), whatever the page loads meanwhile.
  const [held, setHeld] = useState<TBroadcastHeld | null>(state?.held ?? null);
  const [status, setStatus] = useState('');
  const invalidate = useInvalidate();
  useEffect(() => setHeld(state?.held ?? null), [state?.held]);
  const base = useInsightsBase();
  const digest = useLoad(MONTH.test(month) ? ['insights', 'digests', month] : null, (signal) =>
    insightsApi.digest(month, signal),
  );
  const missing = digest.error instanceof ApiError && digest.error.status === 404;
  const label = MONTH.test(month) ? formatMonth(`${month}-01`) : month;
  const intro = (
    <p>
      <Link to="/insights/digests">← All digests</Link>
    </p>
  );
  return (
    <Page title={`Monthly Insights Digest — ${label}`} intro={intro}>
      <InsightsTabs />
      {!MONTH.test(month) ? <p className="notice error">“{month}” is not a month (e.g. 2026-11).</p> : null}
      <LiveStatus>{status}</LiveStatus>
      {held ? (
        <UndoBanner
          held={held}
          onUndone={(restored) => {
            setStatus(`Undone. ${restored}`);
            void invalidate(...DIGEST_CHANGES);
            navigate(`/insights/digests/${month}`, {
              replace: true,
              state: { held: null } satisfies DigestPublished,
            });
          }}
          onDismiss={() => setHeld(null)}
        />
      ) : null}
      {managesInsights(me) && MONTH.test(month) ? (
        <PublishDigestButton month={month} again={Boolean(digest.data)} />
      ) : null}
      {missing ? (
        <p className="notice">The digest for {label} has not been published yet.</p>
      ) : digest.error ? (
        <LoadError error={digest.error} retry={digest.reload} />
      ) : null}
      {digest.data && base.data ? (
        <article aria-label={digest.data.title} aria-busy={digest.loading}>
          <p className="muted">
            Version {digest.data.version}, published{' '}
            {formatInstant(digest.data.publishedAt, base.data.timeZone)} by {who(digest.data.publishedBy)}
          </p>
          <MarkdownBlock text={withoutTitle(digest.data.markdown)} />
        </article>
      ) : !digest.error && MONTH.test(month) ? (
        <Loading what="the digest" />
      ) : null}
    </Page>
  );
}
