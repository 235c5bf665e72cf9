import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import { actorText, suggestionWords, timeIn } from '../../lib/release-flow.ts';
import { tierText } from '../../lib/release-labels.ts';
import { Fold } from './release-fold.tsx';

/** What the release does, the tier that implies and why, the tier the PM assigned, and every change of it. */
export function TierSection({
  detail,
  timeZone,
  line,
}: {
  detail: TReleaseDetail;
  timeZone: string;
  line: string;
}) {
  const r = detail.release;
  const labelOf = (key: string) => detail.attributes.find((a) => a.key === key)?.label ?? key;
  return (
    <Fold id="tier" title="Tier" line={line}>
      {r.tierReview ? (
        <div className="notice warn" role="note" aria-label="Tier needs review">
          <p>
            <strong>The tier needs review.</strong> {r.tierReview}
          </p>
          <p>
            Use “Edit release” above: raise the assigned tier, or keep it and give a new reason why it stays
            lower. The release gate fails until then.
          </p>
        </div>
      ) : null}
      <dl className="details">
        <dt>Attributes</dt>
        <dd>{r.attributes.length ? r.attributes.map(labelOf).join(', ') : 'none set'}</dd>
        <dt>Suggested</dt>
        <dd>
          {r.suggestedTier ? tierText(r.suggestedTier) : '—'}
          {r.suggestedTier ? (
            <span className="cell-note">{suggestionWords(r.attributes, detail.attributes)}</span>
          ) : null}
        </dd>
        <dt>Assigned</dt>
        <dd>
          {tierText(r.tier)}
          {r.tierReason ? <span className="cell-note">Reason: {r.tierReason}</span> : null}
        </dd>
      </dl>
      {detail.tierHistory.length ? (
        <details className="inline-disclosure">
          <summary>Tier history ({detail.tierHistory.length})</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Tier history</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">By</th>
                  <th scope="col">Attributes</th>
                  <th scope="col">Suggested</th>
                  <th scope="col">Assigned</th>
                </tr>
              </thead>
              <tbody>
                {detail.tierHistory.map((e) => (
                  <tr key={`${e.at}:${e.assignedTier}:${e.suggestedTier}`}>
                    <td className="when">{timeIn(e.at, timeZone)}</td>
                    <td>{actorText(e.by)}</td>
                    <td>{e.attributes.length ? e.attributes.map(labelOf).join(', ') : 'none'}</td>
                    <td>
                      {tierText(e.suggestedTier)}
                      <span className="cell-note">{suggestionWords(e.attributes, detail.attributes)}</span>
                    </td>
                    <td>
                      {tierText(e.assignedTier)}
                      {e.note ? <span className="cell-note">Reason: {e.note}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </Fold>
  );
}
