import { useState } from 'react';
import { type TReview, ZReviewActionInput } from '../../../shared/roadmap.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { useDecisionOptions } from '../decisions/decision-options.ts';
import { reviewsApi } from './roadmap-api.ts';

/** The form is only there while the review runs and for whoever runs it; people are loaded only then. */
function AssignForm({ review: r, onReview }: { review: TReview; onReview: (r: TReview) => void }) {
  const options = useDecisionOptions(true);
  const submit = useSubmit();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const onSubmit = async () => {
    const input = validate(ZReviewActionInput, { title, ownerId });
    onReview(await reviewsApi.assign(r.occurrenceId, input));
    setTitle('');
    setOwnerId('');
  };
  return (
    <Form id="review-action" submit={submit} onSubmit={onSubmit} label="Assign an action item">
      <div className="form-grid">
        <TextField path="title" label="Action item" value={title} onChange={setTitle} required />
        <SelectField
          path="ownerId"
          label="Owner"
          value={ownerId}
          emptyLabel="Choose…"
          options={options.data?.people ?? []}
          onChange={setOwnerId}
          required
        />
      </div>
      <FormActions submit={submit} label="Assign" pendingText="Assigning…" />
    </Form>
  );
}

/** The agenda's last box: action items with owners (follow-ups their owners close when done). */
export function ReviewActions({ review: r, onReview }: { review: TReview; onReview: (r: TReview) => void }) {
  const running = r.startedAt !== null && r.closedAt === null;
  return (
    <section aria-labelledby="actions-heading" className="review-section">
      <h2 id="actions-heading">Action items</h2>
      {r.actions.length ? (
        <ul aria-label="Action items and owners">
          {r.actions.map((a) => (
            <li key={a.id}>
              {a.title} — {a.ownerName}
              {a.status === 'closed' ? ' (done)' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No action item assigned in this review.</p>
      )}
      {running && r.permissions.run ? <AssignForm review={r} onReview={onReview} /> : null}
    </section>
  );
}
