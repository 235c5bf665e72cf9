import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { deliveryApi, onInboxChanged } from '../api-delivery.ts';

const REFRESH_MS = 60_000;

/** The header's inbox link with its unread count; counts again every minute and after mark-read. */
export function InboxLink() {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const count = () => {
      deliveryApi.inbox({ limit: 1 }, controller.signal).then(
        (r) => setUnread(r.unread),
        () => undefined,
      );
    };
    count();
    const off = onInboxChanged(count);
    const timer = window.setInterval(count, REFRESH_MS);
    return () => {
      controller.abort();
      off();
      window.clearInterval(timer);
    };
  }, []);
  return (
    <Link to="/inbox" className="user-link inbox-link">
      Inbox
      {unread > 0 ? (
        <span className="count-badge">
          {unread > 99 ? '99+' : unread}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}
