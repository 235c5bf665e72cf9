import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { answerByToken, answerMine, mySurveys, surveyByToken } from '../../../services/surveys/answer.ts';
import { pulseResults, startPulse } from '../../../services/surveys/pulse.ts';
import { awarenessResults } from '../../../services/surveys/results.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import {
  ZAwarenessQuery,
  ZAwarenessResults,
  ZPulseQuery,
  ZPulseResults,
  ZPulseStart,
  ZPulseStarted,
  ZSurveyAnswered,
  ZSurveyAnswerInput,
  ZSurveyList,
  ZSurveyToken,
  ZSurveyView,
} from '../../../shared/surveys.ts';

const tags = ['surveys'];
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };
const answerErrors = { ...errors, 404: ZErrorBody, 409: ZErrorBody };
const read = { policy: { resource: 'survey' as const, action: 'read' as const } };

/** Issue 16: the launch-awareness survey and the PM pulse — results for the product org, answers by their people. */
export async function surveyRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/surveys/awareness', {
    config: read,
    schema: {
      tags,
      summary:
        'Launch awareness per Tier 2/3 launch in a window: asked, answered, aware, surprised, comments',
      querystring: ZAwarenessQuery,
      response: { 200: ZAwarenessResults, ...errors },
    },
    handler: async (req) => awarenessResults(db, req.query),
  });
  r.get('/surveys/pulse', {
    config: read,
    schema: {
      tags,
      summary: "A quarter's PM pulse (default: this one); results only from 3 answers, never who said what",
      querystring: ZPulseQuery,
      response: { 200: ZPulseResults, ...errors },
    },
    handler: async (req) => pulseResults(db, req.now, req.query.quarter),
  });
  r.post('/surveys/pulse', {
    config: { policy: { resource: 'survey', action: 'create' } },
    schema: {
      tags,
      summary: "Sends a quarter's PM pulse to every active PM not asked yet (default: this quarter)",
      body: ZPulseStart,
      response: { 200: ZPulseStarted, ...errors },
    },
    handler: async (req) => startPulse(db, { quarter: req.body.quarter, actor: req.actor!, now: req.now }),
  });
  r.get('/surveys/mine', {
    config: { policy: 'signed_in' },
    schema: { tags, summary: 'My surveys not answered yet', response: { 200: ZSurveyList, ...errors } },
    handler: async (req) => ({ surveys: await mySurveys(db, req.actor!) }),
  });
  r.post('/surveys/mine/:id', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Answers one of my surveys',
      params: ZIdParams,
      body: ZSurveyAnswerInput,
      response: { 200: ZSurveyAnswered, ...answerErrors },
    },
    handler: async (req) => answerMine(db, req.actor!, req.params.id, req.body, req.now),
  });
  // Public: the one-click link in the survey's email, Slack message or inbox item; the token is the credential.
  r.get('/surveys/answer/:token', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'What a survey link asks',
      params: ZSurveyToken,
      response: { 200: ZSurveyView, ...answerErrors },
    },
    handler: async (req) => surveyByToken(db, req.params.token),
  });
  r.post('/surveys/answer/:token', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'Answers a survey by its link (awareness: again replaces; pulse: once)',
      params: ZSurveyToken,
      body: ZSurveyAnswerInput,
      response: { 200: ZSurveyAnswered, ...answerErrors },
    },
    handler: async (req) => answerByToken(db, req.params.token, req.body, req.now),
  });
}
