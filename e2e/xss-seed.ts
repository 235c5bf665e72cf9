import { BUNDLE_SECTION_KEYS } from '../src/shared/release-vocabulary.ts';
import type { Api } from './xss-api.ts';
import { CRLF_PAYLOAD, type PayloadCycle, SCRIPT_URL_PAYLOAD } from './xss-payloads.ts';

interface Named {
  id: string;
  name: string;
}
interface Person extends Named {
  email: string;
}
interface Area extends Named {
  slug: string;
  ownerPmId: string | null;
}
interface Ritual extends Named {
  slug: string;
}
interface Release {
  id: string;
  title: string;
  status: string;
}
interface RoadmapItem {
  id: string;
  title: string;
  areaId: string;
  visibility: string;
  pending: boolean;
  earliest: string;
  latest: string;
}
interface Occurrence {
  id: string;
  ritualSlug: string;
  status: string;
  localDate: string;
  holiday: string | null;
}

/** A settings save re-plans in the background (a job a second later): wait until the holiday is on the calendar. */
async function holidayPlanned(api: Api, name: string, daysFromNow: (n: number) => string): Promise<void> {
  for (let tries = 0; tries < 60; tries++) {
    const { items } = await api.get<{ items: Occurrence[] }>(
      `/calendar?from=${daysFromNow(0)}&to=${daysFromNow(40)}`,
    );
    if (items.some((o) => o.holiday === name)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the holiday saved in settings never reached the calendar');
}
interface Labelled {
  key: string;
  label: string;
  keywords?: string[];
}
interface Settings {
  orgName: string;
  timeZone: string;
  holidays: { date: string; name: string }[];
  releaseAttributes: (Labelled & { tier: number })[];
  insights: {
    themes: Labelled[];
    segments: Labelled[];
    severities: Labelled[];
    evidenceTypes: Labelled[];
    sources: Labelled[];
  };
}

/** The ids of what the seed wrote, for the detail pages the browser visits. */
export interface Seeded {
  week: string;
  month: string;
  personId: string;
  areaId: string;
  podId: string;
  ritualId: string;
  occurrenceId: string;
  reviewOccurrenceId: string;
  roadmapItemId: string;
  decisionId: string;
  releaseId: string;
  /** The new release's launch month (YYYY-MM), for the launch calendar. */
  releaseMonth: string;
  launchedReleaseId: string;
  insightId: number;
  theme: string;
  routingId: string;
  deliveryId: string;
  /** Exact values the artifacts must carry back. */
  values: {
    orgName: string;
    holidayName: string;
    pmName: string;
    areaName: string;
    ritualNames: string[];
    outputArtifacts: string[];
    releaseTitle: string;
  };
  /** Steps the API refused, with its answer: listed in the report, not silently dropped. */
  refused: string[];
}

/** The org's local date n days from now (en-CA formats as YYYY-MM-DD). */
function localDate(timeZone: string, n: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + n * 86_400_000));
}

/** The first Thursday at least `n` days ahead: a Weekly Product Update day, and never a Roadmap Review's. */
function thursdayAfter(timeZone: string, n: number): string {
  for (let d = n; ; d++) {
    const date = localDate(timeZone, d);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === 4) return date;
  }
}

/**
 * Writes payloads into every user text field the API takes, as admin (an org manager may write every
 * area's update and run the review), then publishes what stakeholders read: the weekly update, the
 * roadmap view, the release bundle and the insights digest.
 */
export async function seedPayloads(api: Api, p: PayloadCycle): Promise<Seeded> {
  const refused: string[] = [];
  /** A step whose refusal is a finding to report, not a reason to stop. */
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (err) {
      refused.push(`${what}: ${(err as Error).message}`);
      return undefined;
    }
  };

  const people = (await api.get<{ items: Person[] }>('/people?limit=200')).items;
  const byEmail = (e: string) => {
    const found = people.find((x) => x.email === e);
    if (!found) throw new Error(`no demo person ${e}`);
    return found;
  };
  const maya = byEmail('maya@example.com');
  const areas = (await api.get<{ items: Area[] }>('/areas')).items;
  const billing = areas.find((a) => a.slug === 'billing')!;
  const reporting = areas.find((a) => a.slug === 'reporting')!;
  const onboarding = areas.find((a) => a.slug === 'onboarding')!;
  const search = areas.find((a) => a.slug === 'search')!;

  // ---- C1: settings (org name, holidays, release attribute and insights taxonomy labels)
  const { settings } = await api.get<{ settings: Settings }>('/settings');
  const daysFromNow = (n: number) => localDate(settings.timeZone, n);
  settings.orgName = p.take('settings.orgName', 120);
  // A holiday on a coming Weekly Product Update: its occurrence moves, and says why (calendar, ICS).
  const holidayName = p.take('settings.holidays[].name', 120);
  settings.holidays.push({ date: thursdayAfter(settings.timeZone, 8), name: holidayName });
  for (const a of settings.releaseAttributes.slice(0, 4))
    a.label = p.take('settings.releaseAttributes[].label', 80);
  for (const t of settings.insights.themes)
    t.label = p.take('settings.insights.themes[].label (theme names)', 80);
  settings.insights.themes[0]!.keywords = [
    ...(settings.insights.themes[0]!.keywords ?? []),
    p.take('settings.insights.themes[].keywords', 60),
    p.take('settings.insights.themes[].keywords', 60),
  ];
  for (const group of ['segments', 'severities', 'evidenceTypes', 'sources'] as const)
    for (const x of settings.insights[group]) x.label = p.take(`settings.insights.${group}[].label`, 80);
  await api.put('/settings', settings);
  await holidayPlanned(api, holidayName, daysFromNow);

  // ---- C1: people, areas, pods, RACI
  const pmName = p.take('people.name (a PM)', 120);
  await api.patch(`/people/${maya.id}`, { name: pmName });
  const newPerson = await api.post<Person>('/people', {
    name: p.take('people.name (new stakeholder)', 120),
    email: 'xss-probe-person@example.com',
    function: 'sales',
    roles: ['stakeholder'],
  });
  const areaName = p.take('areas.name', 120);
  await api.patch(`/areas/${billing.id}`, {
    name: areaName,
    description: p.take('areas.description', 2000, '\n\n'),
  });
  await api.patch(`/areas/${reporting.id}`, { description: p.take('areas.description', 2000, '\n') });
  const pods = (await api.get<{ items: (Named & { areaId: string | null })[] }>('/pods')).items;
  const pod = pods.find((x) => x.areaId === billing.id) ?? pods[0]!;
  await api.patch(`/pods/${pod.id}`, {
    name: p.take('pods.name', 120),
    mission: p.take('pods.mission', 2000, '\n'),
  });
  const raci = await api.get<{ items: Record<string, unknown>[] }>('/raci');
  raci.items[0] = {
    activity: p.take('raci.activity', 200),
    responsible: p.take('raci.responsible', 200),
    accountable: p.take('raci.accountable', 200),
    consulted: p.list('raci.consulted[]', 2),
    informed: p.list('raci.informed[]', 2),
  };
  await api.put('/raci', { items: raci.items });
  await api.post('/channels', {
    kind: 'email_list',
    name: p.take('channels.name', 120),
    email: 'xss-probe-list@example.com',
  });

  // ---- C2: rituals and an occurrence
  const rituals = (await api.get<{ items: Ritual[] }>('/rituals')).items;
  const weekly = rituals.find((r) => r.slug === 'weekly-product-update')!;
  const insightsReview = rituals.find((r) => r.slug === 'insights-review')!;
  const ritualNames = [p.one('rituals.name', CRLF_PAYLOAD), p.take('rituals.name', 120)];
  const outputs: string[] = [];
  for (const [i, r] of [weekly, insightsReview].entries()) {
    outputs.push(p.take('rituals.outputArtifact', 300));
    await api.patch(`/rituals/${r.id}`, {
      name: ritualNames[i],
      purpose: p.take('rituals.purpose', 2000, '\n'),
      timeBox: p.take('rituals.timeBox', 300),
      inputs: p.list('rituals.inputs[]', 2),
      agenda: p.list('rituals.agenda[].item', 2).map((item) => ({ minutes: 10, item })),
      outputArtifact: outputs[i],
    });
  }
  const calendar = await api.get<{ items: Occurrence[] }>(
    `/calendar?from=${daysFromNow(-20)}&to=${daysFromNow(40)}`,
  );
  const occurrence =
    calendar.items.find((o) => o.ritualSlug === 'weekly-product-update' && o.localDate <= daysFromNow(0)) ??
    calendar.items[0]!;
  await api.patch(`/occurrences/${occurrence.id}`, {
    notes: p.take('occurrences.notes', 5000, '\n'),
    // The one user URL the app renders as a link (when it is http(s)): a script URL.
    artifactRef: p.one('occurrences.artifactRef', SCRIPT_URL_PAYLOAD),
  });

  // ---- C5: a new release (before the weekly update, so it is among its launches), bundle, readiness
  const releaseTitle = `${p.one('releases.title', CRLF_PAYLOAD)} ${p.take('releases.title', 200 - CRLF_PAYLOAD.length - 1)}`;
  const release = await api.post<Release>('/releases', {
    title: releaseTitle,
    areaId: billing.id,
    pmOwnerId: maya.id,
    targetDate: daysFromNow(9),
    tier: 2,
    attributes: ['ga_launch'],
    tierReason: p.take('releases.tierReason', 1000),
  });
  const sections = BUNDLE_SECTION_KEYS;
  await api.put(`/releases/${release.id}/bundle`, {
    sections: Object.fromEntries(
      sections.map((k) => [k, p.list(`releases.bundle.sections.${k}`, 2).join('\n\n')]),
    ),
  });
  // Support confirms readiness against a bundle it received: distribute first.
  await api.post(`/releases/${release.id}/bundle/distribute`);
  for (const kind of ['support', 'eng_monitoring'])
    await attempt(`sign-off ${kind}`, () =>
      api.post(`/releases/${release.id}/sign-offs`, { kind, note: p.take('releases.signOffs.note', 2000) }),
    );
  await api.post(`/releases/${release.id}/decisions`, {
    decision: 'hold',
    reason: p.take('releases.decisions.reason', 2000),
  });
  await attempt('bundle publish', () => api.post(`/releases/${release.id}/bundle/publish`));
  // A launched demo release: its Day 3 / Day 14 answers and retro action items.
  const releases = (await api.get<{ items: Release[] }>('/releases')).items;
  const launched = releases.find((r) => r.status === 'launched')!;
  const detail = await api.get<{ postLaunch: { checks: { kind: string; questions: { key: string }[] }[] } }>(
    `/releases/${launched.id}/detail`,
  );
  for (const check of detail.postLaunch.checks) {
    await attempt(`post-launch ${check.kind}`, () =>
      api.put(`/releases/${launched.id}/post-launch/${check.kind}`, {
        answers: Object.fromEntries(
          check.questions.map((q) => [q.key, p.take('releases.postLaunch.answers', 4000, '\n')]),
        ),
        ...(check.kind === 'day14' ? { actionItems: p.list('releases.postLaunch.actionItems[]', 2) } : {}),
      }),
    );
  }

  // ---- C3: this week's update from three areas (one absent), published
  const { currentWeek: week } = await api.get<{ currentWeek: string }>('/updates');
  for (const [i, area] of [billing, reporting, onboarding].entries()) {
    await api.put(`/updates/${week}/areas/${area.id}`, {
      content: {
        wins: p.list('updates.content.wins[]', 3),
        next: p.list('updates.content.next[]', 2),
        risks: p.list('updates.content.risks[] (follow-up titles)', 2),
        metrics: p.list('updates.content.metrics[]', 1),
        links: [
          ...(i === 0 ? [p.one('updates.content.links[]', SCRIPT_URL_PAYLOAD)] : []),
          ...p.list('updates.content.links[]', 2),
        ],
      },
    });
  }
  await api.post(`/updates/${week}/areas/${search.id}/absence`, {
    reason: p.take('updates.absence.reason', 500),
  });
  await api.post(`/updates/${week}/publish`);

  // ---- C4: roadmap items, a review with outcomes, an action and a decision, the republished view
  const items = (await api.get<{ items: RoadmapItem[] }>('/roadmap/items')).items;
  const visible = items.find((i) => i.visibility === 'stakeholders' && i.areaId === billing.id)!;
  await api.patch(`/roadmap/items/${visible.id}`, {
    title: p.take('roadmap.items.title', 200),
    summary: p.take('roadmap.items.summary', 2000, '\n'),
    customerNote: p.take('roadmap.items.customerNote', 2000, '\n'),
    note: p.take('roadmap.items.note (why)', 1000),
  });
  const added = await api.post<RoadmapItem>('/roadmap/items', {
    title: p.take('roadmap.items.title', 200),
    summary: p.take('roadmap.items.summary', 2000),
    customerNote: p.take('roadmap.items.customerNote', 2000),
    areaId: billing.id,
    confidence: 'medium',
    earliest: daysFromNow(30),
    latest: daysFromNow(75),
    visibility: 'stakeholders',
    releaseIds: [release.id],
    note: p.take('roadmap.items.note (why)', 1000),
  });
  const reviews = (
    await api.get<{ items: { occurrenceId: string; startsAt: string; closedAt: string | null }[] }>(
      '/roadmap/reviews',
    )
  ).items;
  // The next review to come (the list is newest first).
  const review = reviews
    .filter((r) => !r.closedAt && r.startsAt > new Date().toISOString())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  if (!review) throw new Error('no upcoming Roadmap Review');
  await api.post(`/roadmap/reviews/${review.occurrenceId}/start`);
  const agenda = await api.get<{ areas: { items: { itemId: string; pending: boolean }[] }[] }>(
    `/roadmap/reviews/${review.occurrenceId}`,
  );
  for (const it of agenda.areas.flatMap((a) => a.items).filter((i) => i.pending)) {
    await attempt(`ratify ${it.itemId}`, () =>
      api.post(`/roadmap/reviews/${review.occurrenceId}/outcomes`, {
        itemId: it.itemId,
        outcome: 'ratified',
        note: p.take('roadmap.reviews.outcomes.note', 1000),
      }),
    );
  }
  await api.post(`/roadmap/reviews/${review.occurrenceId}/actions`, {
    title: p.take('roadmap.reviews.actions.title (follow-up)', 300),
    ownerId: maya.id,
    areaId: billing.id,
  });
  const decision = await api.post<{ id: string }>('/decisions', {
    title: p.take('decisions.title', 300),
    context: p.take('decisions.context', 4000, '\n'),
    options: p.list('decisions.options[]', 3),
    rationale: p.take('decisions.rationale', 4000, '\n'),
    ownerId: maya.id,
    reviewDate: daysFromNow(60),
    roadmapItemIds: [added.id, visible.id],
    releaseIds: [release.id],
    occurrenceId: review.occurrenceId,
  });
  await api.post(`/roadmap/reviews/${review.occurrenceId}/close`);
  await api.post('/roadmap/view/publish', { note: p.take('roadmap.view.publish.note', 1000) });
  const decisions = (await api.get<{ items: { id: string; status: string }[] }>('/decisions')).items;
  const older = decisions.find((d) => d.id !== decision.id && d.status === 'active');
  if (older)
    await api.post(`/decisions/${older.id}/revisit`, {
      outcome: 'kept',
      note: p.take('decisions.revisit.note', 2000),
      nextReviewDate: daysFromNow(90),
    });

  // ---- C6: feedback through the intake webhook, triage, a disposition, the monthly digest
  const feedback = Array.from({ length: 6 }, (_, i) => ({
    externalId: p.take('insights.intake.items[].externalId', 200),
    title: p.take('insights.intake.items[].title', 500),
    body: `Billing charged us twice on the invoice, we need a refund. ${p.take('insights.intake.items[].body', 2000, '\n')}`,
    customer: p.take('insights.intake.items[].customer', 200),
    // Hints are the taxonomy's words or a 400 (issue 21): no text of their own to carry a payload.
    segment: ['smb', 'Enterprise', 'mid-market'][i % 3],
    evidenceType: i % 2 ? 'quote' : null,
    severity: i % 2 ? null : 'Urgent',
    kind: i % 3 ? null : 'question',
  }));
  await api.post('/insights/intake', { source: 'support', items: feedback });
  const inbox = (await api.get<{ items: { id: number; theme: string | null }[] }>('/insights?limit=50'))
    .items;
  const insight = inbox.find((i) => i.theme) ?? inbox[0]!;
  await api.post('/insights/triage');
  const routings = (await api.get<{ items: { id: string }[] }>('/insights/routings')).items;
  const routing = routings[0];
  if (!routing) throw new Error('the triage routed no theme');
  await api.post(`/insights/routings/${routing.id}/disposition`, {
    disposition: 'wont_do',
    rationale: p.take('insights.routings.disposition.rationale', 2000),
  });
  const month = daysFromNow(0).slice(0, 7);
  await attempt('digest publish', () => api.post(`/insights/digests/${month}/publish`));

  // ---- the admin's own API token name (the tokens page)
  await api.post('/me/tokens', { name: p.take('me.tokens.name', 80) }).catch((err: Error) => {
    refused.push(`token name: ${err.message}`);
  });

  const deliveries = (await api.get<{ items: { id: string; title: string }[] }>('/deliveries?limit=200'))
    .items;
  return {
    week,
    month,
    personId: newPerson.id,
    areaId: billing.id,
    podId: pod.id,
    ritualId: weekly.id,
    occurrenceId: occurrence.id,
    reviewOccurrenceId: review.occurrenceId,
    roadmapItemId: added.id,
    decisionId: decision.id,
    releaseId: release.id,
    releaseMonth: daysFromNow(9).slice(0, 7),
    launchedReleaseId: launched.id,
    insightId: insight.id,
    theme: insight.theme ?? 'pricing',
    routingId: routing.id,
    deliveryId:
      deliveries.find((d) => d.title.includes('xss-probe') || d.title.includes('<'))?.id ?? deliveries[0]!.id,
    values: {
      orgName: settings.orgName,
      holidayName,
      pmName,
      areaName,
      ritualNames,
      outputArtifacts: outputs,
      releaseTitle,
    },
    refused,
  };
}
