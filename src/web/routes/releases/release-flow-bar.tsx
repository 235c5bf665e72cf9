import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import { releasesApi } from '../../api-releases.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { RELEASE_AND_ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { gateLine, type NextStep, openItemGroups, type ReleaseSection } from '../../lib/release-flow.ts';
import { useWrite } from '../../lib/use-write.ts';

function NextStepAction({
  step,
  detail,
  reveal,
}: {
  step: NextStep;
  detail: TReleaseDetail;
  reveal: (id: ReleaseSection) => void;
}) {
  const write = useWrite(RELEASE_AND_ROADMAP_CHANGES);
  if (step.kind === 'launch' && detail.permissions.update) {
    return (
      <ActionButton
        primary
        pendingText="Marking launched…"
        doneText="Marked launched."
        run={async () => {
          await write(() => releasesApi.update(detail.release.id, { status: 'launched' }));
        }}
      >
        Mark launched
      </ActionButton>
    );
  }
  if (step.kind === 'open') {
    return (
      <button type="button" className="button primary next-step-action" onClick={() => reveal(step.target)}>
        {step.text}
      </button>
    );
  }
  // Waiting for the launch day, or nothing left: words, no button.
  return <span className="next-step-text">{step.text}</span>;
}

/** Open items by check, each a button that opens the section where it is fixed and scrolls to it. */
function GateSummary({ detail, reveal }: { detail: TReleaseDetail; reveal: (id: ReleaseSection) => void }) {
  const { gate } = detail;
  const groups = openItemGroups(gate);
  return (
    <p className="flow-gate">
      <span className="flow-label">Release gate:</span>{' '}
      <button
        type="button"
        className={`link-button gate-verdict-link ${gate.ready ? 'ready' : 'blocked'}`}
        aria-controls="gate-body"
        onClick={() => reveal('gate')}
      >
        {gateLine(gate)}
      </button>
      {groups.length ? (
        <span className="flow-open-items">
          {groups.map((g) => (
            <button
              key={g.checkId}
              type="button"
              className="link-button"
              aria-controls={`section-${g.section}`}
              onClick={() => reveal(g.section)}
            >
              {g.label} ({g.count})
            </button>
          ))}
        </span>
      ) : null}
    </p>
  );
}

/**
 * Issue 17: the release as a guided flow. The one next step is the page's primary action, and the gate's
 * summary stays in view while the page scrolls (position: sticky), each open item one click from its section.
 */
export function ReleaseFlowBar({
  step,
  detail,
  reveal,
}: {
  step: NextStep;
  detail: TReleaseDetail;
  reveal: (id: ReleaseSection) => void;
}) {
  const launched = detail.release.status === 'launched';
  return (
    <aside className="release-flow-bar" aria-label="Next step and release gate">
      <p className="flow-next">
        <span className="flow-label">Next step:</span>{' '}
        <NextStepAction step={step} detail={detail} reveal={reveal} />
      </p>
      {launched ? null : <GateSummary detail={detail} reveal={reveal} />}
    </aside>
  );
}
