import { useRef, useState } from 'react';
import type { TGate } from '../../../shared/releases.ts';

/** What a pipeline runs before deploying: the CLI exits 1 when not ready, `jq -e` does the same for the API. */
export function ciSnippet(releaseId: string, origin: string): string {
  return [
    '# PRODOPS_TOKEN: an API token (API tokens, top right), kept as a CI secret',
    `PRODOPS_URL=${origin} prodops release gate ${releaseId}`,
    '# or, without the CLI:',
    `curl -fsS -H "Authorization: Bearer $PRODOPS_TOKEN" ${origin}/api/v1/releases/${releaseId}/gate | jq -e .ready`,
  ].join('\n');
}

function CiSnippet({ releaseId }: { releaseId: string }) {
  const text = ciSnippet(releaseId, window.location.origin);
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      area.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  };
  return (
    <div className="ci-snippet">
      <label htmlFor="gate-ci" className="field-label">
        In CI/CD, before deploying
      </label>
      <textarea
        id="gate-ci"
        ref={area}
        readOnly
        className="mono"
        rows={5}
        value={text}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" className="button small" onClick={copy}>
        Copy<span className="visually-hidden"> the CI snippet</span>
      </button>{' '}
      <span className="form-status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}

/** The release gate as the API answers it: ready, or each unmet requirement in plain words. */
export function GateSection({ gate }: { gate: TGate }) {
  return (
    <section aria-labelledby="gate-heading" className="release-section gate">
      <h2 id="gate-heading">Release gate</h2>
      <p className={`gate-verdict ${gate.ready ? 'ready' : 'blocked'}`} role="status">
        {gate.ready ? 'Ready to ship' : 'Not ready to ship'}
      </p>
      <ul className="checklist" aria-label="Gate checks">
        {gate.checks.map((c) => (
          <li key={c.id} className={c.ok ? 'check ok' : 'check'}>
            <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>{' '}
            <span className="visually-hidden">{c.ok ? 'Met: ' : 'Not met: '}</span>
            {c.label}
            {c.reasons.length ? (
              <ul className="gate-reasons">
                {c.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <CiSnippet releaseId={gate.releaseId} />
    </section>
  );
}
