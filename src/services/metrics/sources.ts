import { METRIC_KEYS, type TMetricKey } from '../../shared/metrics.ts';

const ALL = METRIC_KEYS;

/**
 * The tables each metric reads. A statement on one of them marks those metrics changed (the triggers of migration
 * 0021 say the same: a test compares them), so a snapshot is recomputed only when its own records moved. Names,
 * areas and settings appear in every metric.
 */
export const METRIC_SOURCES: Record<string, readonly TMetricKey[]> = {
  org_settings: ALL,
  people: ALL,
  areas: ALL,
  releases: ['surprise', 'enablement_coverage', 'operational_burden', 'gate_overrides'],
  enablement_bundles: ['surprise', 'enablement_coverage'],
  outbox: ['surprise'],
  inbox_items: ['surprise'],
  release_sign_offs: ['surprise'],
  survey_requests: ['surprise', 'pm_pulse'],
  awareness_answers: ['surprise'],
  pulse_answers: ['pm_pulse'],
  rituals: ['ritual_adoption'],
  ritual_occurrences: ['ritual_adoption'],
  occurrence_attendance: ['ritual_adoption'],
  status_pings: ['status_requests'],
  status_questions: ['status_requests'],
  insight_items: ['confused_customers', 'operational_burden'],
  insight_daily: ['confused_customers', 'operational_burden'],
  area_active_users: ['operational_burden'],
  bugs: ['bug_backlog'],
  release_gate_overrides: ['gate_overrides'],
};
