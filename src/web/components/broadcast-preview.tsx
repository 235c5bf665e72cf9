import type { TBroadcastPreview } from '../../shared/broadcasts.ts';
import { MarkdownBlock } from './markdown-block.tsx';
import './broadcast-preview.css';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Before an action that notifies people: what it will send, to how many on each channel and to whom (names),
 * and what to know first. The server made it by running the action and rolling it back.
 */
export function BroadcastPreview({ preview: p }: { preview: TBroadcastPreview }) {
  const r = p.recipients;
  return (
    <section className="broadcast-preview" aria-label={`Preview: ${p.action}`}>
      <h4>{p.action}</h4>
      {p.warnings.length ? (
        <ul className="broadcast-warnings" aria-label="Before you go ahead">
          {p.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <p className="broadcast-counts">
        <strong>{count(r.total, 'message')}</strong>
        {r.total ? ` — ${r.inbox} in prodops inboxes, ${r.email} by email, ${r.slack} on Slack` : ''}.
      </p>
      {r.people.length || r.channels.length ? (
        <details className="broadcast-recipients">
          <summary>
            Who receives it ({count(r.people.length, 'person', 'people')}
            {r.channels.length ? `, ${count(r.channels.length, 'channel')}` : ''})
          </summary>
          {r.channels.length ? <p>Channels: {r.channels.join(', ')}</p> : null}
          {r.people.length ? <p>People: {r.people.join(', ')}</p> : null}
        </details>
      ) : null}
      {p.message ? (
        <details className="broadcast-message" open>
          <summary>The message as recipients read it</summary>
          <p className="broadcast-subject">
            <span className="muted">Subject:</span> {p.message.subject}
          </p>
          <p>{p.message.summary}</p>
          <MarkdownBlock text={p.message.markdown} />
        </details>
      ) : null}
      <p className="muted">
        {p.undoSeconds > 0
          ? `Messages wait ${p.undoSeconds} s after you confirm: you can undo until then.`
          : 'Messages go at once: this server has no undo window (settings).'}
      </p>
    </section>
  );
}
