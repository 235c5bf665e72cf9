import type { THolidayPolicy, TRitual, TSchedule } from '../../../shared/cadence.ts';
import type { TFunction, TRole } from '../../../shared/roles.ts';

/** The schedule as the form holds it: every kind's fields at once, so switching kinds keeps what was typed. */
export interface ScheduleDraft {
  kind: TSchedule['kind'];
  weekday: string;
  time: string;
  anchor: string;
  nth: string;
  monthOfQuarter: string;
}

export interface AgendaRow {
  key: number;
  minutes: number;
  item: string;
}

export interface TextRow {
  key: number;
  text: string;
}

export interface PersonRow {
  key: number;
  personId: string;
}

export interface RitualValues {
  name: string;
  slug: string;
  purpose: string;
  schedule: ScheduleDraft;
  holidayPolicy: THolidayPolicy;
  durationMinutes: number;
  timeBox: string;
  ownerRole: TRole;
  ownerPersonId: string;
  roles: TRole[];
  functions: TFunction[];
  people: PersonRow[];
  inputs: TextRow[];
  agenda: AgendaRow[];
  outputArtifact: string;
  artifactDueHours: number;
  remind: boolean;
  reminderMinutes: number;
  active: boolean;
}

let nextKey = 1;
/** Stable React keys for rows the user adds and removes. */
export const rowKey = () => nextKey++;

function draftOf(s: TSchedule | undefined): ScheduleDraft {
  const draft: ScheduleDraft = {
    kind: s?.kind ?? 'weekly',
    weekday: '4',
    time: '10:00',
    anchor: '',
    nth: '1',
    monthOfQuarter: '1',
  };
  if (!s || s.kind === 'per_release' || s.kind === 'one_off') return draft;
  draft.weekday = String(s.weekday);
  draft.time = s.time;
  if (s.kind === 'biweekly') draft.anchor = s.anchor;
  if (s.kind === 'monthly' || s.kind === 'quarterly') draft.nth = String(s.nth);
  if (s.kind === 'quarterly') draft.monthOfQuarter = String(s.monthOfQuarter);
  return draft;
}

export const initialRitualValues = (r: TRitual | undefined): RitualValues => ({
  name: r?.name ?? '',
  slug: r?.slug ?? '',
  purpose: r?.purpose ?? '',
  schedule: draftOf(r?.schedule),
  holidayPolicy: r?.holidayPolicy ?? 'next_business_day',
  durationMinutes: r?.durationMinutes ?? 30,
  timeBox: r?.timeBox ?? '',
  ownerRole: r?.ownerRole ?? 'product_ops',
  ownerPersonId: r?.ownerPersonId ?? '',
  roles: [...(r?.attendees.roles ?? [])],
  functions: [...(r?.attendees.functions ?? [])],
  people: (r?.attendees.personIds ?? []).map((personId) => ({ key: rowKey(), personId })),
  inputs: (r?.inputs ?? []).map((text) => ({ key: rowKey(), text })),
  agenda: (r?.agenda ?? []).map((a) => ({ key: rowKey(), minutes: a.minutes, item: a.item })),
  outputArtifact: r?.outputArtifact ?? '',
  artifactDueHours: r?.artifactDueHours ?? 24,
  remind: r ? r.reminderMinutes !== null : true,
  reminderMinutes: r?.reminderMinutes ?? 60,
  active: r?.active ?? true,
});

/** The schedule the API takes; numbers stay numbers (NaN included) so the schema names bad ones. */
function scheduleOf(d: ScheduleDraft): unknown {
  const weekday = Number(d.weekday);
  const nth = Number(d.nth);
  switch (d.kind) {
    case 'per_release':
    case 'one_off':
      return { kind: d.kind };
    case 'weekly':
      return { kind: d.kind, weekday, time: d.time };
    case 'biweekly':
      return { kind: d.kind, weekday, time: d.time, anchor: d.anchor };
    case 'monthly':
      return { kind: d.kind, weekday, nth, time: d.time };
    case 'quarterly':
      return { kind: d.kind, monthOfQuarter: Number(d.monthOfQuarter), weekday, nth, time: d.time };
  }
}

/** The API's input shape; rows keep their order so errors like agenda.2.item land on row 3. */
export const ritualInputOf = (v: RitualValues) => ({
  slug: v.slug.trim(),
  name: v.name,
  purpose: v.purpose,
  schedule: scheduleOf(v.schedule),
  holidayPolicy: v.holidayPolicy,
  durationMinutes: v.durationMinutes,
  timeBox: v.timeBox,
  ownerRole: v.ownerRole,
  ownerPersonId: v.ownerPersonId || null,
  attendees: { roles: v.roles, functions: v.functions, personIds: v.people.map((p) => p.personId) },
  inputs: v.inputs.map((i) => i.text),
  agenda: v.agenda.map((a) => ({ minutes: a.minutes, item: a.item })),
  outputArtifact: v.outputArtifact,
  artifactDueHours: v.artifactDueHours,
  reminderMinutes: v.remind ? v.reminderMinutes : null,
  active: v.active,
});
