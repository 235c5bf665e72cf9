import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { TStatusAnswer, TStatusCard, TStatusMatch } from '../../shared/status.ts';
import { api, request } from '../api-client.ts';
import { formatDateTimeIn } from '../lib/org-time.ts';

type Ask = { q: string; pick?: Pick<TStatusMatch, 'subject' | 'id'> };

function statusUrl({ q, pick }: Ask): string {
  const params = new URLSearchParams({ q, ...(pick ? { subject: pick.subject, id: pick.id } : {}) });
  return `/status?${params}`;
}

/**
 * "What's the status of X?" from every page (Ctrl-K or ⌘-K): one card, the top three to pick from, or whom to
 * ask. The server logs each question; an answered one is a ping a PM did not have to answer.
 */
export function StatusSearch() {
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [answer, setAnswer] = useState<TStatusAnswer | null>(null);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
      if (e.key === 'Escape') setAnswer(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const ask = async (a: Ask) => {
    setBusy(true);
    setProblem(null);
    try {
      const [reply, settings] = await Promise.all([
        request<TStatusAnswer>(statusUrl(a)),
        timeZone ? null : api.settings.get(),
      ]);
      if (settings) setTimeZone(settings.settings.timeZone);
      setAnswer(reply);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim()) void ask({ q: q.trim() });
  };

  return (
    <div className="status-search">
      <search aria-label="Quick answers">
        <form onSubmit={onSubmit}>
          <label htmlFor="status-q" className="visually-hidden">
            Ask prodops
          </label>
          <input
            id="status-q"
            ref={input}
            type="search"
            placeholder="What's the status of… (Ctrl-K)"
            value={q}
            maxLength={200}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button small" aria-disabled={busy || undefined}>
            Ask
          </button>
        </form>
      </search>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      {answer ? (
        <section className="status-answer" aria-label="Answer" aria-live="polite">
          <button type="button" className="button small close" onClick={() => setAnswer(null)}>
            Close
          </button>
          {answer.card ? (
            <StatusCard card={answer.card} timeZone={timeZone} onOpen={() => setAnswer(null)} />
          ) : (
            <p>{answer.message}</p>
          )}
          {answer.choices.length ? (
            <ul aria-label="Pick one">
              {answer.choices.map((c) => (
                <li key={`${c.subject}:${c.id}`}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => void ask({ q: answer.query, pick: c })}
                  >
                    {c.title}
                  </button>{' '}
                  <span className="muted">
                    {SUBJECT_WORDS[c.subject]}
                    {c.areaName ? `, ${c.areaName}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

const SUBJECT_WORDS: Record<TStatusMatch['subject'], string> = {
  release: 'release',
  roadmap_item: 'roadmap item',
  decision: 'decision',
  theme: 'insight theme',
  area: 'product area',
};

function StatusCard({
  card,
  timeZone,
  onOpen,
}: {
  card: TStatusCard;
  timeZone: string | null;
  onOpen: () => void;
}) {
  return (
    <article aria-label={card.title}>
      <h2>
        <Link to={card.path} onClick={onOpen}>
          {card.title}
        </Link>
      </h2>
      <p className="muted">
        {card.subjectLabel}
        {card.areaName ? ` · ${card.areaName}` : ''}
        {card.tier ? ` · Tier ${card.tier}` : ''}
      </p>
      <dl className="details">
        <dt>Status</dt>
        <dd>{card.status}</dd>
        {card.owner ? (
          <>
            <dt>Owner</dt>
            <dd>{card.owner.name}</dd>
          </>
        ) : null}
        {card.when ? (
          <>
            <dt>When</dt>
            <dd>
              {card.when.text}
              {card.when.exact ? '' : ' (a range: the day is not announced yet)'}
            </dd>
          </>
        ) : null}
        {card.readiness ? (
          <>
            <dt>Readiness</dt>
            <dd>
              {card.readiness.ready ? 'Ready to ship' : `Not ready: ${card.readiness.missing.length} open`}
              {card.readiness.missing.length ? (
                <ul>
                  {card.readiness.missing.slice(0, 5).map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      {card.summary ? <p>{card.summary}</p> : null}
      {card.bundlePath ? (
        <p>
          <Link to={card.bundlePath} onClick={onOpen}>
            Enablement bundle
          </Link>
        </p>
      ) : null}
      {card.updates.length ? (
        <>
          <h3>In the latest weekly update</h3>
          <ul>
            {card.updates.map((u) => (
              <li key={`${u.areaName}:${u.text}`}>
                {u.text} <span className="muted">({u.areaName})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {card.decisions.length ? (
        <>
          <h3>Decisions</h3>
          <ul>
            {card.decisions.map((d) => (
              <li key={d.id}>
                <Link to={`/decisions/${d.id}`} onClick={onOpen}>
                  #{d.number} {d.title}
                </Link>{' '}
                <span className="muted">({d.decidedOn})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {timeZone ? (
        <p className="muted">
          As of {formatDateTimeIn(card.asOf, timeZone)} ({timeZone})
        </p>
      ) : null}
    </article>
  );
}
