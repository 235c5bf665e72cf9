import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CONFIDENCE_LABELS, ROADMAP_STATUS_LABELS } from '../../../shared/roadmap.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { roadmapApi } from './roadmap-api.ts';

/**
 * Where a release or an insights theme sits on the roadmap, and the decisions about it: the link between what
 * ships, what customers say and what was decided, shown on the release and theme pages.
 */
export function LinkedRoadmap({
  link,
  children,
}: {
  link: { releaseId?: string; theme?: string };
  /** What the page offers under the links (the release page: link an item). */
  children?: ReactNode;
}) {
  // Under 'roadmap': linking an item (a roadmap write) reads the links again.
  const data = useLoad(['roadmap', 'linked', link.releaseId ?? '', link.theme ?? ''], async (signal) => {
    const [items, decisions] = await Promise.all([
      roadmapApi.linkedTo(link, signal),
      roadmapApi.decisionsLinkedTo(link, signal),
    ]);
    return { items: items.items, decisions: decisions.items };
  });
  return (
    <section aria-labelledby="linked-roadmap-heading">
      <h2 id="linked-roadmap-heading">On the roadmap</h2>
      {!data.data ? (
        data.error ? (
          <LoadError error={data.error} retry={data.reload} />
        ) : (
          <Loading what="the roadmap items" />
        )
      ) : (
        <>
          {data.data.items.length ? (
            <ul aria-label="Roadmap items">
              {data.data.items.map((i) => (
                <li key={i.id}>
                  <Link to={`/roadmap/items/${i.id}`}>{i.title}</Link> — {i.areaName}, {i.rangeText},{' '}
                  {ROADMAP_STATUS_LABELS[i.status]}, {CONFIDENCE_LABELS[i.confidence].toLowerCase()}
                  {i.pending ? ' (changes waiting for the Roadmap Review)' : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No roadmap item links it.</p>
          )}
          {data.data.decisions.length ? (
            <ul aria-label="Decisions">
              {data.data.decisions.map((d) => (
                <li key={d.id}>
                  <Link to={`/decisions/${d.id}`}>
                    #{d.number} {d.title}
                  </Link>{' '}
                  ({d.decidedOn}
                  {d.status === 'superseded' ? ', superseded' : ''})
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      {children}
    </section>
  );
}
