import { useState } from 'react';
import { Link } from 'react-router';
import type { TInboxItem, TInboxList } from '../../../shared/delivery.ts';
import { announceInboxChanged, deliveryApi } from '../../api-delivery.ts';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { messageKindLabel } from '../../lib/cadence-labels.ts';
import { now as clockNow } from '../../lib/clock.ts';
import { problemFrom } from '../../lib/forms.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import './inbox.css';
import { useWrite } from '../../lib/use-write.ts';
import { MessageActions, MessageSections } from './message-body.tsx';

const PAGE = 30;

function MarkRead({ item, onRead }: { item: TInboxItem; onRead: (id: string) => Promise<void> }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button small"
      aria-disabled={pending || undefined}
      onClick={async () => {
        if (pending) return;
        setPending(true);
        await onRead(item.id).finally(() => setPending(false));
      }}
    >
      Mark as read<span className="visually-hidden">: {item.message.title}</span>
    </button>
  );
}

/** A message collapsed to its title, summary, kind and time; "Read more" opens its sections. */
function InboxEntry({
  item,
  timeZone,
  onRead,
}: {
  item: TInboxItem;
  timeZone: string;
  onRead: (id: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const unread = item.readAt === null;
  const headingId = `inbox-${item.id}`;
  const bodyId = `inbox-body-${item.id}`;
  const hasMore = Boolean(item.message.sections?.length || item.message.footer);
  return (
    <li>
      <article className={`inbox-item${unread ? ' unread' : ''}`} aria-labelledby={headingId}>
        <header className="inbox-item-header">
          <h2 id={headingId}>
            {item.message.title}
            {unread ? <span className="badge">unread</span> : null}
          </h2>
          <span className="muted">
            {messageKindLabel(item.kind)} ·{' '}
            <time dateTime={item.createdAt}>
              {formatDateTimeIn(item.createdAt, timeZone)} ({timeZone})
            </time>
          </span>
        </header>
        <p className="inbox-summary">{item.message.summary}</p>
        {open ? <MessageSections message={item.message} id={bodyId} /> : null}
        <MessageActions link={item.message.link} actions={item.actions} />
        <div className="inbox-item-buttons">
          {hasMore ? (
            <button
              type="button"
              className="button small"
              aria-expanded={open}
              aria-controls={open ? bodyId : undefined}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Show less' : 'Read more'}
              <span className="visually-hidden">: {item.message.title}</span>
            </button>
          ) : null}
          {unread ? <MarkRead item={item} onRead={onRead} /> : null}
        </div>
      </article>
    </li>
  );
}

/** Notifications that reach me in prodops itself (reminders, overdue artifacts, published updates). */
export function InboxPage() {
  const timeZone = useOrgTimeZone() ?? 'UTC';
  const data = useLoad<TInboxList>(['inbox'], (signal) => deliveryApi.inbox({ limit: PAGE }, signal));
  const write = useWrite([['inbox']]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const act = async (action: () => Promise<void>, done: string) => {
    setError(null);
    try {
      await action();
      setStatus(done);
      announceInboxChanged();
    } catch (err) {
      setError(problemFrom(err).message);
    }
  };

  const markRead = (id: string) =>
    act(async () => {
      await deliveryApi.markRead(id);
      const current = data.data;
      if (!current) return;
      const now = new Date(clockNow()).toISOString();
      data.setData({
        ...current,
        unread: Math.max(0, current.unread - 1),
        items: current.items.map((i) => (i.id === id ? { ...i, readAt: now } : i)),
      });
    }, 'Marked as read.');

  const readAll = () =>
    act(async () => {
      await write(() => deliveryApi.markAllRead());
    }, 'Marked everything as read.');

  const loadMore = async () => {
    const current = data.data;
    if (!current?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await deliveryApi.inbox({ limit: PAGE, cursor: current.nextCursor });
      data.setData({ ...next, items: [...current.items, ...next.items] });
    } catch (err) {
      setError(problemFrom(err).message);
    } finally {
      setLoadingMore(false);
    }
  };

  const unread = data.data?.unread ?? 0;
  return (
    <Page
      title="Inbox"
      intro={
        <p>
          Notifications for you. Choose how else they reach you (email, Slack) in your{' '}
          <Link to="/account/preferences">preferences</Link>.
        </p>
      }
      actions={
        unread > 0 ? (
          <button type="button" className="button" onClick={readAll}>
            Mark all as read
          </button>
        ) : null
      }
    >
      <LiveStatus>{status}</LiveStatus>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="your inbox" />
        )
      ) : data.data.items.length === 0 ? (
        <p className="empty">Your inbox is empty.</p>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {unread === 0 ? 'Everything is read.' : `${unread} unread`}
          </p>
          <ul className="inbox-list">
            {data.data.items.map((item) => (
              <InboxEntry key={item.id} item={item} timeZone={timeZone} onRead={markRead} />
            ))}
          </ul>
          {data.data.nextCursor ? (
            <button type="button" className="button" onClick={loadMore} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
