import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api-client.ts';
import { insightsApi } from '../../api-insights.ts';
import { MarkdownBlock } from '../../components/markdown-block.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatInstant, formatMonth } from '../../lib/org-time.ts';
import { useMe } from '../../lib/session.tsx';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { InsightsTabs } from './insights-tabs.tsx';
import { managesInsights } from './labels.ts';
import { PublishDigestButton } from './publish-digest.tsx';
import { useInsightsBase } from './use-insights-base.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The page's h1 is the digest's title: the markdown's own first heading would say it twice. */
const withoutTitle = (markdown: string) => markdown.replace(/^# .*\n+/, '');

/** A month's Monthly Insights Digest (latest version), rendered from its markdown. */
export function DigestPage() {
  const { month = '' } = useParams();
  const me = useMe();
  const who = useActorText();
  const location = useLocation();
  const published = (location.state as { published?: number } | null)?.published ?? 0;
  const base = useInsightsBase();
  const digest = useLoad(MONTH.test(month) ? `digest:${month}:${published}` : null, (signal) =>
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
