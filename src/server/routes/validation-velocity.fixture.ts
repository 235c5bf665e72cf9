import { betTemplate, briefTemplate } from '../policies/authorization-velocity.fixture.ts';
import type { BadCase } from './validation-releases-insights.fixture.ts';

/**
 * Bad input for the bets' write routes (validation.test.ts); `ids.bet`: a bet (Adjacent move), `ids.uncharted`:
 * an Uncharted bet, `ids.brief`: a brief under `ids.bet`.
 */
export function velocityBadCases(ids: {
  bet: string;
  uncharted: string;
  brief: string;
  pod: string;
  pm1: string;
}): Record<string, BadCase[]> {
  const missing = crypto.randomUUID();
  return {
    'POST /api/v1/bets': [
      { name: 'no field', body: {}, fields: ['title', 'podId', 'ownerId', 'profile'] },
      {
        name: 'a profile answer off the scale, an unknown kind of change',
        body: {
          ...betTemplate(ids.pod, ids.pm1),
          profile: { ...betTemplate(ids.pod, ids.pm1).profile, familiarity: 'huge', change: ['vibes'] },
        },
        fields: ['profile.familiarity', 'profile.change.0'],
      },
      {
        name: 'a pod, an owner and a roadmap item that do not exist',
        body: { ...betTemplate(missing, missing), roadmapItemIds: [missing] },
        fields: ['podId', 'ownerId', 'roadmapItemIds.0'],
      },
    ],
    'PATCH /api/v1/bets/:id': [
      {
        name: 'unknown status and pod',
        url: `/api/v1/bets/${ids.bet}`,
        body: { status: 'maybe', podId: 'x' },
        fields: ['status', 'podId'],
      },
      {
        name: 'a pod that does not exist',
        url: `/api/v1/bets/${ids.bet}`,
        body: { podId: missing },
        fields: ['podId'],
      },
    ],
    'POST /api/v1/bets/:id/briefs': [
      {
        name: 'no signals, an option without its reason',
        url: `/api/v1/bets/${ids.bet}/briefs`,
        body: { ...briefTemplate, positiveSignals: [], optionsNotChosen: [{ option: 'Seats', why: '' }] },
        fields: ['positiveSignals', 'optionsNotChosen.0.why'],
      },
      {
        name: 'a decision that is not in the log',
        url: `/api/v1/bets/${ids.bet}/briefs`,
        body: { ...briefTemplate, decisionId: missing },
        fields: ['decisionId'],
      },
      {
        name: 'an Uncharted bet without learning goals or a time box',
        url: `/api/v1/bets/${ids.uncharted}/briefs`,
        body: briefTemplate,
        fields: ['learningGoals', 'timeBoxEnd'],
      },
    ],
    'PATCH /api/v1/briefs/:id': [
      {
        name: 'empty experiment, a time box that is not a date',
        url: `/api/v1/briefs/${ids.brief}`,
        body: { experiment: '', timeBoxEnd: '2026-02-30' },
        fields: ['experiment', 'timeBoxEnd'],
      },
      {
        name: 'a time box ending in the past',
        url: `/api/v1/briefs/${ids.brief}`,
        body: { timeBoxEnd: '2020-01-01' },
        fields: ['timeBoxEnd'],
      },
    ],
  };
}
