import type { TAwarenessResults, TPulseResults, TSurveyAnswerInput, TSurveyView } from '../shared/surveys.ts';
import { request } from './api-client.ts';

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  return s ? `?${s}` : '';
};

/** Issue 16's surveys: answered by link (public) or signed in; results for the product org. */
export const surveysApi = {
  /** Public: the link is the credential, and a 401 must not send the reader to the sign-in page. */
  byToken: (token: string, signal?: AbortSignal) =>
    request<TSurveyView>(`/surveys/answer/${encodeURIComponent(token)}`, { signal, redirectOn401: false }),
  answerByToken: (token: string, body: TSurveyAnswerInput) =>
    request<{ answered: true }>(`/surveys/answer/${encodeURIComponent(token)}`, {
      method: 'POST',
      body,
      redirectOn401: false,
    }),
  mine: (signal?: AbortSignal) => request<{ surveys: TSurveyView[] }>('/surveys/mine', { signal }),
  answerMine: (id: string, body: TSurveyAnswerInput) =>
    request<{ answered: true }>(`/surveys/mine/${encodeURIComponent(id)}`, { method: 'POST', body }),
  awareness: (params: { from?: string; to?: string }, signal?: AbortSignal) =>
    request<TAwarenessResults>(`/surveys/awareness${q(params)}`, { signal }),
  pulse: (quarter?: string, signal?: AbortSignal) =>
    request<TPulseResults>(`/surveys/pulse${q({ quarter })}`, { signal }),
};
