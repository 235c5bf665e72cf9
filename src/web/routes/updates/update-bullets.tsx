import type { TUpdateBullets } from '../../../shared/updates.ts';
import { UPDATE_SECTIONS } from '../../api-updates.ts';
import { MarkdownText } from '../../components/markdown-text.tsx';

/**
 * The five bullets of one area's update (or "Nothing to report this week"), read-only. Items are markdown written by PMs, rendered by markdown-it
 * with raw HTML disabled: formatting and links show, nothing a PM types can run in a reader's browser.
 */
export function UpdateBullets({ content }: { content: TUpdateBullets }) {
  if (content.nothingThisWeek) return <p className="muted">Nothing to report this week.</p>;
  return (
    <ul className="update-bullets">
      {UPDATE_SECTIONS.map((s) => (
        <li key={s.key}>
          <strong>{s.label}:</strong>{' '}
          {content[s.key].length === 0 ? (
            <span className="muted">None</span>
          ) : (
            <ul>
              {content[s.key].map((item, i) => (
                // Items may repeat; their position is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: a list of strings in a fixed order
                <li key={i}>
                  <MarkdownText text={item} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
