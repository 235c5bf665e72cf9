import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import type { BadCase } from './validation-releases-insights.fixture.ts';

/** Bad input for the settings, rituals and occurrences routes (validation.test.ts; RITUAL and OCCURRENCE are its ids). */
export function settingsAndCadenceBadCases(): Record<string, BadCase[]> {
  return {
    'PUT /api/v1/settings': [
      {
        name: 'unknown zone, bad time, impossible holiday',
        body: {
          ...DEFAULT_SETTINGS,
          timeZone: 'Mars/Olympus_Mons',
          deadlines: { ...DEFAULT_SETTINGS.deadlines, weeklyUpdateDue: { weekday: 4, time: '25:00' } },
          holidays: [{ date: '2026-02-30', name: 'Nope' }],
        },
        fields: ['timeZone', 'deadlines.weeklyUpdateDue.time', 'holidays.0.date'],
      },
      {
        name: 'repeated weekday, missing tiers',
        body: { ...DEFAULT_SETTINGS, workWeek: [1, 1], tiers: undefined },
        fields: ['workWeek', 'tiers'],
      },
      {
        name: 'single sign-on on without its client, a plain-HTTP issuer, scopes without openid, a bad domain',
        body: {
          ...DEFAULT_SETTINGS,
          sso: {
            oidc: {
              ...DEFAULT_SETTINGS.sso.oidc,
              enabled: true,
              issuer: 'http://login.example.com',
              scopes: ['email'],
              allowedDomains: ['not a domain'],
              groupRoles: [{ group: 'pms', roles: ['wizard'] }],
            },
          },
        },
        fields: [
          'sso.oidc.issuer',
          'sso.oidc.scopes',
          'sso.oidc.allowedDomains.0',
          'sso.oidc.groupRoles.0.roles.0',
        ],
      },
      {
        name: 'password sign-in off while single sign-on is off',
        body: { ...DEFAULT_SETTINGS, sso: { oidc: { ...DEFAULT_SETTINGS.sso.oidc, passwordSignIn: false } } },
        fields: ['sso.oidc.passwordSignIn'],
      },
    ],
    'POST /api/v1/rituals': [
      {
        name: 'no output artifact (no just-a-meeting entries)',
        body: {
          slug: 'standup',
          name: 'Standup',
          schedule: { kind: 'weekly', weekday: 1, time: '09:00' },
          durationMinutes: 15,
          ownerRole: 'pm',
        },
        fields: ['outputArtifact'],
      },
      {
        name: 'impossible schedules',
        body: {
          slug: 'x-ritual',
          name: 'X',
          schedule: { kind: 'biweekly', weekday: 9, time: '24:00', anchor: '2026-02-30' },
          durationMinutes: 15,
          ownerRole: 'pm',
          outputArtifact: 'Notes',
        },
        fields: ['schedule.weekday', 'schedule.time', 'schedule.anchor'],
      },
      {
        name: 'a fifth weekday of a month',
        body: {
          slug: 'x-ritual',
          name: 'X',
          schedule: { kind: 'monthly', weekday: 2, nth: 5, time: '10:00' },
          durationMinutes: 15,
          ownerRole: 'pm',
          outputArtifact: 'Notes',
        },
        fields: ['schedule.nth'],
      },
      {
        name: 'unknown owner and attendee',
        body: {
          slug: 'x-ritual',
          name: 'X',
          schedule: { kind: 'per_release' },
          durationMinutes: 15,
          ownerRole: 'pm',
          outputArtifact: 'Notes',
          ownerPersonId: crypto.randomUUID(),
          attendees: { roles: [], functions: [], personIds: [crypto.randomUUID()] },
        },
        fields: ['ownerPersonId', 'attendees.personIds.0'],
      },
    ],
    'PATCH /api/v1/rituals/:id': [
      {
        name: 'blank output artifact',
        url: '/api/v1/rituals/RITUAL',
        body: { outputArtifact: '   ' },
        fields: ['outputArtifact'],
      },
    ],
    'DELETE /api/v1/rituals/:id': [{ name: 'not an id', url: '/api/v1/rituals/abc', fields: ['params.id'] }],
    'PATCH /api/v1/occurrences/:id': [
      {
        name: 'unknown attendee, bad instant, unknown status',
        url: '/api/v1/occurrences/OCCURRENCE',
        body: {
          attendance: [{ personId: 'nope', present: true }],
          artifactProducedAt: 'yesterday',
          status: 'done',
        },
        fields: ['attendance.0.personId', 'artifactProducedAt', 'status'],
      },
      {
        name: 'attendee who does not exist',
        url: '/api/v1/occurrences/OCCURRENCE',
        body: { attendance: [{ personId: crypto.randomUUID(), present: true }] },
        fields: ['attendance.0.personId'],
      },
    ],
  };
}
