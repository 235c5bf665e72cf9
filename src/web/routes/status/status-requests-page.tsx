import { useState } from 'react';
import type { TStatusRequestWeeks } from '../../../shared/status.ts';
import { ApiError } from '../../api-client.ts';
import { statusRequestsApi } from '../../api-status.ts';
import { FieldError, Form, FormActions, useField } from '../../components/form.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { InvalidInput, useSubmit } from '../../lib/forms.ts';
import { useMe } from '../../lib/session.tsx';
import { importText, topAreasText, trendText } from '../../lib/status-requests.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';

/** The server takes at most this much (POST /status-requests/imports answers 413 beyond it). */
const MAX_BYTES = 200 * 1024 * 1024;
const FIELD = 'body';

function ExportFileField({ onChange }: { onChange: (file: File | null) => void }) {
  const f = useField(FIELD, 'Slack export (.zip)');
  const hintId = `${f.id}-hint`;
  return (
    <div className={`field${f.error ? ' has-error' : ''}`}>
      <label htmlFor={f.id} className="field-label">
        Slack export (.zip)
      </label>
      <p className="field-hint" id={hintId}>
        The file Slack sends from Workspace settings → Import/Export data → Export, at most 200 MB. Importing
        the same export again adds nothing twice.
      </p>
      <input
        id={f.id}
        name="export"
        type="file"
        accept=".zip,application/zip"
        aria-invalid={f.error ? true : undefined}
        aria-describedby={[hintId, f.error ? f.errorId : null].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <FieldError id={f.errorId} error={f.error} />
    </div>
  );
}

function ImportForm() {
  const submit = useSubmit();
  // The pings counted also feed the status-ping metric.
  const write = useWrite([['status-requests'], ['metrics']]);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">Import a Slack export (.zip)</h2>
      <Form
        id="status-import"
        submit={submit}
        label="Import a Slack export"
        onSubmit={async () => {
          setNote('');
          if (!file) throw new InvalidInput([{ path: FIELD, message: 'choose the .zip file Slack sent' }]);
          if (file.size > MAX_BYTES)
            throw new InvalidInput([{ path: FIELD, message: 'is larger than 200 MB' }]);
          try {
            setNote(`${importText(await write(() => statusRequestsApi.importExport(file)))}.`);
          } catch (err) {
            // "Slack export (.zip): the upload is not a zip file" reads better than the request's summary.
            if (err instanceof ApiError && err.fields.length) throw new InvalidInput(err.fields);
            throw err;
          }
        }}
      >
        <ExportFileField onChange={setFile} />
        <FormActions submit={submit} label="Import" pendingText="Reading the export…" note={note} />
      </Form>
    </section>
  );
}

function WeeksTable({ r }: { r: TStatusRequestWeeks }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Status pings per week</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col" className="num">
              Pings
            </th>
            <th scope="col" className="num">
              Answered by prodops
            </th>
            <th scope="col">Top areas</th>
          </tr>
        </thead>
        <tbody>
          {[...r.weeks].reverse().map((w) => (
            <tr key={w.week}>
              <th scope="row">
                {w.week}
                {r.baseline?.weeks.includes(w.week) ? <span className="muted"> (baseline)</span> : null}
              </th>
              <td className="num">{w.pings}</td>
              <td className="num">{w.avoided}</td>
              <td>{w.byArea.length ? topAreasText(w.byArea) : <span className="muted">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Issue 14: how often people ask a PM "what's the status of X?" in chat, per week, and whether prodops helps. */
export function StatusRequestsPage() {
  const me = useMe();
  const weeks = useLoad(['status-requests'], (signal) => statusRequestsApi.weeks(4, signal));
  const r = weeks.data;
  const trend = r ? trendText(r) : null;
  return (
    <Page
      title="Status requests"
      intro={
        <>
          <p>
            A status ping is a chat message asking where something stands: “any update on usage-based
            billing?”, “is SCIM live yet?”. Each one interrupts a PM. prodops finds them in your Slack exports
            and counts them per week.
          </p>
          <p>
            Questions people asked prodops itself (the status search, the CLI, Slack) and got an answer to
            count as pings avoided. The first four weeks with pings are the baseline; fewer pings since means
            the status pages are doing their job.
          </p>
        </>
      }
    >
      {me.can.importStatusPings ? <ImportForm /> : null}
      {weeks.error ? <LoadError error={weeks.error} retry={weeks.reload} /> : null}
      {!r ? (
        weeks.error ? null : (
          <Loading what="the status-request count" />
        )
      ) : (
        <section aria-labelledby="weeks-heading">
          <h2 id="weeks-heading">Per week</h2>
          <p className="muted">Weeks are ISO weeks in the org's time zone, {r.timeZone}.</p>
          {r.weeks.length === 0 ? (
            <p className="empty">
              No status pings imported yet.
              {me.can.importStatusPings ? ' Import a Slack export above to count them.' : ''}
            </p>
          ) : (
            <>
              {trend ? (
                <p>
                  <strong>{trend}</strong>
                </p>
              ) : null}
              <WeeksTable r={r} />
            </>
          )}
        </section>
      )}
    </Page>
  );
}
