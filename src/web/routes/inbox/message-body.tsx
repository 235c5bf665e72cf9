import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TInboxItem } from '../../../shared/delivery.ts';

type Block =
  | { key: string; type: 'p'; text: string }
  | { key: string; type: 'ul' | 'ol'; items: { key: string; text: string }[] };

const BULLET = /^\s*[-*+]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;

/**
 * Markdown as plain text blocks: paragraphs and bullet or numbered lists, nothing else. It is rendered as
 * React text, never as HTML, so a message cannot inject markup.
 */
export function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ key: `b${blocks.length}`, type: 'p', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const kind = BULLET.test(line) ? 'ul' : NUMBERED.test(line) ? 'ol' : null;
    if (kind) {
      flush();
      const text = line.replace(kind === 'ul' ? BULLET : NUMBERED, '').trim();
      const last = blocks.at(-1);
      if (last && last.type === kind) last.items.push({ key: `i${last.items.length}`, text });
      else blocks.push({ key: `b${blocks.length}`, type: kind, items: [{ key: 'i0', text }] });
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** Drops the emphasis markers people would otherwise see as stray characters. */
const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');

export function MarkdownText({ markdown }: { markdown: string }) {
  return (
    <>
      {blocksOf(markdown).map((b) => {
        if (b.type === 'p') return <p key={b.key}>{plain(b.text)}</p>;
        const items = b.items.map((item) => <li key={item.key}>{plain(item.text)}</li>);
        return b.type === 'ul' ? <ul key={b.key}>{items}</ul> : <ol key={b.key}>{items}</ol>;
      })}
    </>
  );
}

/** Links inside prodops ("/cadence/…") stay in the app; others open as ordinary links. */
export function MessageLink({ url, children }: { url: string; children: ReactNode }) {
  if (url.startsWith('/') && !url.startsWith('//')) return <Link to={url}>{children}</Link>;
  if (!/^https?:\/\//i.test(url)) return <span>{children}</span>;
  return (
    <a href={url} rel="noreferrer noopener" target="_blank">
      {children}
    </a>
  );
}

export function MessageBody({ message }: { message: TInboxItem['message'] }) {
  return (
    <div className="message-body">
      <p>{message.summary}</p>
      {message.sections?.map((s) => (
        <div key={`${s.heading ?? ''}:${s.markdown}`} className="message-section">
          {s.heading ? <h3>{s.heading}</h3> : null}
          <MarkdownText markdown={s.markdown} />
        </div>
      ))}
      {message.link || message.actions?.length ? (
        <p className="message-links">
          {message.link ? <MessageLink url={message.link.url}>{message.link.label}</MessageLink> : null}
          {message.actions?.map((a) => (
            <MessageLink key={`${a.label}-${a.url}`} url={a.url}>
              {a.label}
            </MessageLink>
          ))}
        </p>
      ) : null}
    </div>
  );
}
