import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { TBroadcastHeld, TBroadcastPreview } from '../../../shared/broadcasts.ts';
import type { TReview } from '../../../shared/roadmap.ts';
import { BroadcastPreview } from '../../components/broadcast-preview.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { formatInstant } from '../../lib/org-time.ts';
import { useActorText } from '../../lib/use-actor-text.ts';
import { reviewsApi } from './roadmap-api.ts';

type Area = TReview['areas'][number];
type Item = Area['items'][number];
type Change = Item['changes'][number];

/** What an item's ratification looks like from here: who may act and whether the review is running. */
export interface RatifyContext {
  occurrenceId: string;
  /** The Head of Product, while the review is running. */
  canRatify: boolean;
  /** Why nobody can ratify yet (review not started, closed), for the Head of Product. */
  hint: string | null;
  timeZone: string;
  onReview: (review: TReview) => void;
  /** After a ratification or rejection: the undo banner's data while its messages wait. */
  onHeld: (held: TBroadcastHeld | null) => void;
  /** Opens the decision form with this item linked. */
  onDecide: ((itemId: string) => void) | null;
}

function ChangeLine({ change: c }: { change: Change }) {
  return (
    <li>
      {c.text}
      {c.from !== null && c.to !== null ? (
        <span className="cell-note">
          <span className="change-from">{c.from}</span> → <span className="change-to">{c.to}</span>
        </span>
      ) : null}
    </li>
  );
}

function OutcomeBadge({ item }: { item: Item }) {
  if (item.outcome === 'ratified') return <span className="badge ok no-margin">Ratified</span>;
  if (item.outcome === 'rejected') return <span className="badge danger no-margin">Rejected</span>;
  if (item.pending) return <span className="badge warn no-margin">Awaiting ratification</span>;
  return <span className="badge muted no-margin">Nothing left to ratify</span>;
}

type Outcome = 'ratified' | 'rejected';

/**
 * Ratify / Reject in two steps: the first shows the preview (what stakeholders will read, who is told, the
 * PM's message for a rejection), the second acts. A rejection needs its reason; the PM reads it.
 */
function OutcomeControl({ item, ctx }: { item: Item; ctx: RatifyContext }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [asked, setAsked] = useState<{ outcome: Outcome; preview: TBroadcastPreview } | null>(null);
  const load = useSubmit();
  const decide = useSubmit();
  const body = (outcome: Outcome) => ({
    itemId: item.itemId,
    outcome,
    ...(note.trim() ? { note: note.trim() } : {}),
  });
  const ask = (outcome: Outcome) =>
    void load.run(async () =>
      setAsked({ outcome, preview: await reviewsApi.outcomePreview(ctx.occurrenceId, body(outcome)) }),
    );
  const noteError = decide.problem?.fields.find((f) => f.path === 'note')?.message ?? null;
  const rejecting = asked?.outcome === 'rejected';
  return (
    <div className="outcome-control">
      <div className={`field${noteError ? ' has-error' : ''}`}>
        <label htmlFor={id} className="field-label">
          {rejecting
            ? 'Why the changes are rejected (required: the PM reads it)'
            : 'Note (required to reject)'}
        </label>
        <input
          id={id}
          type="text"
          maxLength={1000}
          value={note}
          aria-invalid={noteError ? true : undefined}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => (asked ? ask(asked.outcome) : undefined)}
        />
        {noteError ? <p className="field-error">{noteError}</p> : null}
      </div>
      {asked ? (
        <>
          <BroadcastPreview preview={asked.preview} />
          <button
            type="button"
            className="button primary"
            aria-disabled={decide.pending || undefined}
            onClick={() =>
              void decide.run(async () => {
                const { undo, ...review } = await reviewsApi.outcome(ctx.occurrenceId, body(asked.outcome));
                ctx.onHeld(undo);
                ctx.onReview(review);
              })
            }
          >
            {decide.pending ? 'Saving…' : rejecting ? 'Reject the changes' : 'Ratify the changes'}
          </button>
          <button type="button" className="button" onClick={() => setAsked(null)}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button primary" onClick={() => ask('ratified')}>
            Ratify…
          </button>
          <button type="button" className="button" onClick={() => ask('rejected')}>
            Reject…
          </button>
        </>
      )}
      <span className="form-status" aria-live="polite">
        {load.pending ? 'Preparing the preview…' : ''}
      </span>
      {[load.problem, decide.problem].map((p) =>
        p && !(p === decide.problem && noteError) ? (
          <p key={p.message} className="field-error" role="alert">
            {p.message}
          </p>
        ) : null,
      )}
    </div>
  );
}

function ReviewItem({ item, ctx }: { item: Item; ctx: RatifyContext }) {
  const headingId = useId();
  const who = useActorText();
  const open = item.outcome === null && item.pending;
  return (
    <section className="review-item" aria-labelledby={headingId}>
      <h4 id={headingId}>
        <Link to={`/roadmap/items/${item.itemId}`}>{item.title}</Link>
      </h4>
      <p className="review-item-status">
        <OutcomeBadge item={item} />{' '}
        {open ? (
          <span className="muted">
            {item.fromVersion === null
              ? `new item, version ${item.toVersion}`
              : `version ${item.fromVersion} → ${item.toVersion}`}
          </span>
        ) : null}
      </p>
      <h5>What changed</h5>
      <ul className="change-lines">
        {item.changes.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: one item's changes, in the server's order
          <ChangeLine key={i} change={c} />
        ))}
      </ul>
      <h5>Why</h5>
      {item.notes.length === 0 ? (
        <p className="muted">No note from the PM.</p>
      ) : (
        <ul className="plain why-notes">
          {item.notes.map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: notes in the order they were written
            <li key={i}>
              <span className="prose">{n.note}</span>{' '}
              <span className="cell-note">
                {who(n.by)}, {formatInstant(n.at, ctx.timeZone)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && ctx.canRatify ? <OutcomeControl item={item} ctx={ctx} /> : null}
      {open && !ctx.canRatify && ctx.hint ? <p className="muted">{ctx.hint}</p> : null}
      {ctx.onDecide ? (
        <button type="button" className="link-button" onClick={() => ctx.onDecide?.(item.itemId)}>
          Record a decision about {item.title}
        </button>
      ) : null}
    </section>
  );
}

/** The PMs' box: each area with its PM and minutes, each changed item with its changes and the PM's why. */
export function ReviewAreas({ areas, ctx }: { areas: TReview['areas']; ctx: RatifyContext }) {
  const changed = areas.filter((a) => a.items.length > 0);
  return (
    <section aria-labelledby="areas-heading" className="review-section">
      <h2 id="areas-heading">Changes by area</h2>
      {changed.length === 0 ? <p className="empty">No roadmap item changed since the last review.</p> : null}
      {changed.map((a) => (
        <section key={a.areaId} className="review-area" aria-labelledby={`area-${a.areaId}`}>
          <h3 id={`area-${a.areaId}`}>
            {a.areaName}{' '}
            <span className="area-meta">
              {a.pmName ? `PM ${a.pmName}` : 'no PM'} · {a.minutes} min
            </span>
          </h3>
          {a.items.map((item) => (
            <ReviewItem key={item.itemId} item={item} ctx={ctx} />
          ))}
        </section>
      ))}
    </section>
  );
}
