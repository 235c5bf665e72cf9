import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import {
  type TBoard,
  type TSubmissionPair,
  type TUpdateBullets,
  type TUpdateContent,
  ZUpdateContent,
} from '../../../shared/updates.ts';
import { api } from '../../api-client.ts';
import { UPDATE_SECTIONS, type UpdateSectionKey, updatesApi } from '../../api-updates.ts';
import { CheckboxField } from '../../components/fields.tsx';
import { FieldError, Form, FormActions, useField } from '../../components/form.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { now } from '../../lib/clock.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { BulletsField, itemsToLines, linesToItems } from './bullets-field.tsx';
import { StatusBadge } from './status-board.tsx';
import { UpdateBullets } from './update-bullets.tsx';
import './updates.css';
import '../releases/releases.css';

const ZBody = z.strictObject({ content: ZUpdateContent });

type Texts = Record<UpdateSectionKey, string>;

const toTexts = (c: TUpdateBullets | null): Texts => ({
  wins: itemsToLines(c?.wins ?? []),
  next: itemsToLines(c?.next ?? []),
  risks: itemsToLines(c?.risks ?? []),
  metrics: itemsToLines(c?.metrics ?? []),
  links: itemsToLines(c?.links ?? []),
});

/** "Nothing this week" sends no bullets; what was typed stays in the form in case the box is unticked. */
const toContent = (t: Texts, nothingThisWeek: boolean): TUpdateContent =>
  nothingThisWeek
    ? { wins: [], next: [], risks: [], metrics: [], links: [], nothingThisWeek }
    : {
        wins: linesToItems(t.wins),
        next: linesToItems(t.next),
        risks: linesToItems(t.risks),
        metrics: linesToItems(t.metrics),
        links: linesToItems(t.links),
        nothingThisWeek,
      };

/** A problem with the update as a whole ("is empty"), named in words in the form's error summary. */
function WholeUpdateError() {
  const f = useField('content', 'Your update');
  return <FieldError id={f.errorId} error={f.error} />;
}

interface Loaded {
  board: TBoard;
  pair: TSubmissionPair;
  timeZone: string;
}

function ComposeForm({ week, areaId, data }: { week: string; areaId: string; data: Loaded }) {
  const [texts, setTexts] = useState<Texts>(() => toTexts(data.pair.current?.content ?? null));
  const [nothing, setNothing] = useState(Boolean(data.pair.current?.content.nothingThisWeek));
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const write = useWrite([['updates'], ['home']]);
  const pastDue = now() > Date.parse(data.board.dueAt);
  const problems = submit.problem?.fields ?? [];
  return (
    <Form
      id="compose"
      label="Weekly update"
      submit={submit}
      onSubmit={async () => {
        const body = validate(ZBody, { content: toContent(texts, nothing) });
        await write(() => updatesApi.submit(week, areaId, body.content));
        // Show what was kept: one bullet per line, blank lines and typed list markers gone.
        if (!nothing) setTexts(toTexts(body.content));
        setNote(pastDue ? 'Submitted (late).' : 'Submitted.');
      }}
    >
      {pastDue ? (
        <p className="notice warn">
          The due time has passed: this submission will be marked <strong>late</strong> (it is kept and
          published).
        </p>
      ) : null}
      <CheckboxField
        path="content.nothingThisWeek"
        label="Nothing to report this week (published as a short line, not as missing)"
        checked={nothing}
        onChange={(v) => {
          setNote('');
          setNothing(v);
        }}
      />
      <WholeUpdateError />
      {(nothing ? [] : UPDATE_SECTIONS).map((s) => (
        <BulletsField
          key={s.key}
          path={`content.${s.key}`}
          label={s.label}
          value={texts[s.key]}
          problems={problems}
          onChange={(v) => {
            setNote('');
            setTexts((t) => ({ ...t, [s.key]: v }));
          }}
        />
      ))}
      <FormActions submit={submit} label="Submit" pendingText="Submitting…" note={note} />
    </Form>
  );
}

/** C3: an area's five bullets for a week, with last week's beside them. */
export function ComposePage() {
  const { week = '', areaId = '' } = useParams();
  const data = useLoad<Loaded>(['updates', 'compose', week, areaId], async (signal) => {
    const [board, pair, { settings }] = await Promise.all([
      updatesApi.board(week, signal),
      updatesApi.submission(week, areaId, signal),
      api.settings.get(signal),
    ]);
    return { board, pair, timeZone: settings.timeZone };
  });
  const back = (
    <p>
      <Link to={`/updates?week=${week}`}>← Status board for {week}</Link>
    </p>
  );
  if (!data.data) {
    return (
      <Page title="Write the weekly update" intro={back}>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="the update" />}
      </Page>
    );
  }
  const { board, pair, timeZone } = data.data;
  const area = board.areas.find((a) => a.areaId === areaId);
  const current = pair.current;
  return (
    <Page title={`${area?.areaName ?? 'Area'} — ${week}`} intro={back}>
      <dl className="details">
        <dt>PM</dt>
        <dd>{area?.pmName ?? 'none'}</dd>
        <dt>Due</dt>
        <dd>
          {formatDateTimeIn(board.dueAt, timeZone)} <span className="muted">({timeZone})</span>
        </dd>
        <dt>Status</dt>
        <dd>
          {area ? <StatusBadge status={area.status} /> : null}
          {current ? (
            <span className="muted">
              {' '}
              submitted {formatDateTimeIn(current.submittedAt, timeZone)}
              {current.late ? ' (late)' : ''} · {current.revisions.length}{' '}
              {current.revisions.length === 1 ? 'edit' : 'edits'} in the history
            </span>
          ) : null}
        </dd>
      </dl>
      {board.publishedAt ? (
        <p className="notice">
          This week is published: a change here appears in the next version (a correction) once Product Ops
          publishes it.
        </p>
      ) : null}
      <div className="compose-columns">
        <section aria-labelledby="compose-heading">
          <h2 id="compose-heading">This week</h2>
          <ComposeForm key={`${week}:${areaId}`} week={week} areaId={areaId} data={data.data} />
        </section>
        <section aria-labelledby="previous-heading" className="previous-update">
          <h2 id="previous-heading">Last week</h2>
          {pair.previous ? (
            <UpdateBullets content={pair.previous.content} />
          ) : (
            <p className="muted">No update last week.</p>
          )}
        </section>
      </div>
    </Page>
  );
}
