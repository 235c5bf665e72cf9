import { createContext, type ReactNode, useContext } from 'react';
import type { ReleaseSection } from '../../lib/release-flow.ts';

export interface Folds {
  isOpen: (id: ReleaseSection) => boolean;
  toggle: (id: ReleaseSection) => void;
}

/** Which of the release page's sections are open; without a provider every section is open. */
export const FoldsContext = createContext<Folds>({ isOpen: () => true, toggle: () => {} });

/**
 * A section of the release page folded to its heading and one line (the accordion pattern: a button in the
 * heading, aria-expanded). The body stays mounted while closed, so a half-written form keeps its text.
 */
export function Fold({
  id,
  title,
  line,
  className = '',
  children,
}: {
  id: Exclude<ReleaseSection, 'overview'>;
  title: string;
  /** What the section says, in one line, shown beside the heading. */
  line: string;
  className?: string;
  children: ReactNode;
}) {
  const { isOpen, toggle } = useContext(FoldsContext);
  const open = isOpen(id);
  return (
    <section
      id={`section-${id}`}
      aria-labelledby={`${id}-heading`}
      className={`release-section release-fold ${open ? 'open' : ''} ${className}`.trim()}
    >
      <h2 className="fold-heading">
        <button
          type="button"
          className="fold-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => toggle(id)}
        >
          <span className="fold-mark" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span id={`${id}-heading`}>{title}</span>
          {line ? <span className="fold-line">{line}</span> : null}
        </button>
      </h2>
      <div id={`${id}-body`} className="fold-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
