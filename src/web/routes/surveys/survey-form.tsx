import { useState } from 'react';
import { SCORE_LABELS, type TSurveyAnswerInput, type TSurveyView } from '../../../shared/surveys.ts';

/**
 * One survey, answered in one click: the buttons are the answers ("Yes, I knew" / "No, it surprised me", or 1–5
 * for the pulse); the comment above them is optional and goes with the click.
 */
export function SurveyForm({
  survey,
  onAnswer,
}: {
  survey: TSurveyView;
  onAnswer: (answer: TSurveyAnswerInput) => Promise<void>;
}) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (answer: TSurveyAnswerInput) => {
    setBusy(true);
    setError(null);
    try {
      await onAnswer({ ...answer, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const pulse = survey.kind === 'pm_pulse';
  return (
    <form className="survey-form" onSubmit={(e) => e.preventDefault()}>
      <p className="survey-question">
        <strong>{pulse ? `“${survey.question}”` : survey.question}</strong>
      </p>
      {pulse ? <p className="muted">Anonymous: nobody sees who answered what.</p> : null}
      <label>
        {survey.freeText ?? 'Comment (optional)'}
        <textarea value={comment} maxLength={2000} rows={3} onChange={(e) => setComment(e.target.value)} />
      </label>
      <fieldset className="button-row">
        <legend className="visually-hidden">Your answer</legend>
        {pulse ? (
          SCORE_LABELS.map((label, i) => (
            <button key={label} type="button" disabled={busy} onClick={() => send({ score: i + 1 })}>
              {i + 1} · {label}
            </button>
          ))
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => send({ aware: true })}>
              Yes, I knew
            </button>
            <button type="button" disabled={busy} onClick={() => send({ aware: false })}>
              No, it surprised me
            </button>
          </>
        )}
      </fieldset>
      {error ? (
        <div className="notice error" role="alert">
          <p>Your answer could not be recorded: {error}</p>
        </div>
      ) : null}
    </form>
  );
}
