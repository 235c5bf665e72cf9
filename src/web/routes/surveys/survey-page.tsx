import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { TSurveyAnswerInput, TSurveyView } from '../../../shared/surveys.ts';
import { surveysApi } from '../../api-surveys.ts';
import { SurveyForm } from './survey-form.tsx';

type State =
  | { step: 'loading' }
  | { step: 'asking'; survey: TSurveyView }
  | { step: 'done'; survey: TSurveyView; answer: TSurveyAnswerInput }
  | { step: 'failed'; message: string };

/** The answer a message's button carries (?answer=yes|no|1…5), for the survey it belongs to. */
function linkAnswer(survey: TSurveyView, raw: string | null): TSurveyAnswerInput | null {
  if (survey.kind === 'launch_awareness')
    return raw === 'yes' || raw === 'no' ? { aware: raw === 'yes' } : null;
  return null; // the pulse's score is recorded with its optional free text, on the page
}

const thanks = (a: TSurveyAnswerInput) =>
  a.aware === undefined
    ? 'Thanks: your anonymous answer is recorded.'
    : a.aware
      ? 'Thanks: recorded that you knew.'
      : 'Thanks: recorded that this release surprised you.';

/**
 * The public survey page behind the email, Slack and inbox buttons; the token is the credential. An awareness
 * button records at once (in script, so link scanners do not answer), then a comment may follow (it replaces the
 * answer, which still counts once). The pulse records its score with the optional free text.
 */
export function SurveyPage() {
  const { token = '' } = useParams();
  const [params] = useSearchParams();
  const [state, setState] = useState<State>({ step: 'loading' });
  const started = useRef(false);
  const answer = async (survey: TSurveyView, a: TSurveyAnswerInput) => {
    await surveysApi.answerByToken(token, a);
    setState({ step: 'done', survey, answer: a });
  };
  useEffect(() => {
    document.title = 'Survey · prodops';
    if (started.current) return;
    started.current = true;
    (async () => {
      try {
        const survey = await surveysApi.byToken(token);
        const a = linkAnswer(survey, params.get('answer'));
        if (a) await answer(survey, a);
        else setState({ step: 'asking', survey });
      } catch (err) {
        setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  });

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="product-name large">prodops</p>
        {state.step === 'loading' || state.step === 'failed' ? <h1>Survey</h1> : null}
        {state.step === 'loading' ? <p role="status">Opening the survey…</p> : null}
        {state.step === 'failed' ? (
          <div className="notice error" role="alert">
            <p>{state.message}</p>
          </div>
        ) : null}
        {state.step === 'asking' || state.step === 'done' ? <h1>{state.survey.title}</h1> : null}
        {state.step === 'asking' ? (
          <SurveyForm survey={state.survey} onAnswer={(a) => answer(state.survey, a)} />
        ) : null}
        {state.step === 'done' ? (
          <>
            <p role="status" className="ready-thanks">
              {thanks(state.answer)}
            </p>
            {state.survey.kind === 'launch_awareness' && !state.answer.comment ? (
              <SurveyForm survey={state.survey} onAnswer={(a) => answer(state.survey, a)} />
            ) : null}
          </>
        ) : null}
      </div>
    </main>
  );
}
