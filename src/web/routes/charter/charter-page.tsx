import { useState } from 'react';
import { CHARTER_SECTIONS } from '../../../domain/charter/default-charter.ts';
import { type TCharter, type TCharterContent, ZCharterContent } from '../../../shared/charter.ts';
import { charterApi, linesOf } from '../../api-charter.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { formatInstant } from '../../lib/org-time.ts';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import { useWrite } from '../../lib/use-write.ts';

type Draft = Record<keyof TCharterContent, string>;
const toDraft = (c: TCharterContent): Draft =>
  Object.fromEntries(
    CHARTER_SECTIONS.map((s) => [
      s.key,
      Array.isArray(c[s.key]) ? (c[s.key] as string[]).join('\n') : c[s.key],
    ]),
  ) as Draft;

function CharterForm({
  charter,
  onSaved,
  onCancel,
}: {
  charter: TCharter;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const write = useWrite([['charter']]);
  const [draft, setDraft] = useState<Draft>(toDraft(charter.content));
  return (
    <Form
      id="charter"
      label="Edit the charter"
      submit={submit}
      onSubmit={async () => {
        const body = Object.fromEntries(
          CHARTER_SECTIONS.map((s) => [
            s.key,
            Array.isArray(charter.content[s.key]) ? linesOf(draft[s.key]) : draft[s.key],
          ]),
        );
        await write(() => charterApi.save(validate(ZCharterContent, body)));
        onSaved();
      }}
    >
      {CHARTER_SECTIONS.map((s) => (
        <TextField
          key={s.key}
          path={s.key}
          label={s.label}
          hint={Array.isArray(charter.content[s.key]) ? 'One item a line.' : undefined}
          multiline
          required={s.key === 'mission'}
          value={draft[s.key]}
          onChange={(v) => setDraft((d) => ({ ...d, [s.key]: v }))}
        />
      ))}
      <FormActions submit={submit} label="Save a new version">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}

function CharterView({ content }: { content: TCharterContent }) {
  return (
    <>
      {CHARTER_SECTIONS.map((s) => {
        const v = content[s.key];
        return (
          <section key={s.key} aria-label={s.label}>
            <h2>{s.label}</h2>
            {Array.isArray(v) ? (
              <ul>
                {v.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            ) : (
              <p>{v}</p>
            )}
          </section>
        );
      })}
    </>
  );
}

function History() {
  const data = useLoad(['charter', 'versions'], (signal) => charterApi.versions(signal));
  const tz = useOrgTimeZone();
  const who = useActorText();
  if (!data.data?.items.length || !tz) return null;
  return (
    <section aria-label="Charter history">
      <h2>History</h2>
      <ul>
        {data.data.items.map((v) => (
          <li key={v.version}>
            Version {v.version}, saved by {who(v.savedBy)} on {formatInstant(v.savedAt, tz)}:{' '}
            {v.changed.join(', ') || 'no section changed'}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Issue 16: the Product Ops charter (pack §1), for everyone; Product Ops and the Head of Product edit it. */
export function CharterPage() {
  const data = useLoad(['charter', 'current'], (signal) => charterApi.get(signal));
  const [editing, setEditing] = useState(false);
  const who = useActorText();
  const c = data.data;
  return (
    <Page
      title="Product Ops charter"
      intro={
        <p>
          {c?.isDefault
            ? "The pack's charter, as it comes: Product Ops has not edited it yet."
            : c
              ? `Version ${c.version}, saved by ${who(c.savedBy)}.`
              : null}{' '}
          Product Ops informs decisions; PMs keep decision rights.
        </p>
      }
      actions={
        <>
          <a className="button" href={charterApi.markdownUrl} download>
            Download as markdown
          </a>
          {c?.permissions.update && !editing ? (
            <button type="button" className="button primary" onClick={() => setEditing(true)}>
              Edit the charter
            </button>
          ) : null}
        </>
      }
    >
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!c ? (
        data.error ? null : (
          <Loading what="the charter" />
        )
      ) : editing ? (
        <CharterForm charter={c} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : (
        <>
          <CharterView content={c.content} />
          <History key={c.version ?? 0} />
        </>
      )}
    </Page>
  );
}
