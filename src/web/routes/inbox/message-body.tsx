import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { TInboxAction, TInboxItem } from '../../../shared/delivery.ts';
import { releasesApi } from '../../api-releases.ts';
import { MarkdownBlock } from '../../components/markdown-block.tsx';
import { problemFrom } from '../../lib/forms.ts';

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

/** The message's sections, its markdown rendered by markdown-it with raw HTML off (MarkdownBlock). */
export function MessageSections({ message, id }: { message: TInboxItem['message']; id: string }) {
  return (
    <div className="message-body" id={id}>
      {message.sections?.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sections are fixed for a message and may repeat
        <div key={i} className="message-section">
          {s.heading ? <h3>{s.heading}</h3> : null}
          <MarkdownBlock text={s.markdown} />
        </div>
      ))}
      {message.footer ? <p className="muted">{message.footer}</p> : null}
    </div>
  );
}

/**
 * "I'm ready" answered here, signed in: the inbox's copy of a bundle carries no one-click link (only the email
 * and Slack copies do, made as they are sent).
 */
function SignOffButton({
  action,
}: {
  action: TInboxAction & { signOff: NonNullable<TInboxAction['signOff']> };
}) {
  const [state, setState] = useState<
    { step: 'idle' | 'working' | 'done' } | { step: 'failed'; message: string }
  >({ step: 'idle' });
  const confirm = async () => {
    if (state.step === 'working') return;
    setState({ step: 'working' });
    try {
      await releasesApi.signOff(action.signOff.releaseId, action.signOff.kind);
      setState({ step: 'done' });
    } catch (err) {
      setState({ step: 'failed', message: problemFrom(err).message });
    }
  };
  if (state.step === 'done')
    return (
      <span role="status" className="ready-thanks">
        Recorded: you are ready ({action.signOff.kind === 'support' ? 'Support' : 'Sales'}).
      </span>
    );
  return (
    <>
      <button
        type="button"
        className="button primary"
        onClick={confirm}
        aria-disabled={state.step === 'working' || undefined}
      >
        {action.label}
      </button>
      {state.step === 'failed' ? (
        <span className="field-error" role="alert">
          {state.message}
        </span>
      ) : null}
    </>
  );
}

/**
 * The message's link and actions, always in view. An action the server marked closed (an "I'm ready" after the
 * launch) shows why instead of a button.
 */
export function MessageActions({
  link,
  actions,
}: {
  link: TInboxItem['message']['link'];
  actions: TInboxAction[];
}) {
  if (!link && !actions.length) return null;
  return (
    <p className="message-links">
      {link ? <MessageLink url={link.url}>{link.label}</MessageLink> : null}
      {actions.map((a) =>
        a.open && a.signOff ? (
          <SignOffButton key={`${a.label}-${a.url}`} action={{ ...a, signOff: a.signOff }} />
        ) : a.open ? (
          <MessageLink key={`${a.label}-${a.url}`} url={a.url}>
            {a.label}
          </MessageLink>
        ) : (
          <span key={`${a.label}-${a.url}`} className="action-closed">
            {a.closedReason}
          </span>
        ),
      )}
    </p>
  );
}
