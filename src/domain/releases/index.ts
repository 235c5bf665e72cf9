export {
  type AttributeRule,
  DEFAULT_RELEASE_ATTRIBUTES,
  describeTier,
  suggestTier,
  TIER_NAMES,
  type Tier,
  type TierSuggestion,
} from './attributes.ts';
export {
  BUNDLE_SECTION_KEYS,
  BUNDLE_SECTIONS,
  type BundleSectionKey,
  type BundleSections,
  bundleChecklist,
  type ChecklistItem,
  isSectionDone,
  LITE_SECTIONS,
  missingSections,
  type RenderBundleInput,
  renderBundle,
} from './bundle.ts';
export {
  type Coverage,
  type CoverageOptions,
  type CoveragePoint,
  type CoverageRelease,
  enablementCoverage,
} from './coverage.ts';
export {
  DEFAULT_GATE_CHECKS,
  evaluateGate,
  type GateCheck,
  type GateContext,
  type GateResult,
  type GateRule,
  type GoNoGo,
  SIGNOFF_KINDS,
  SIGNOFF_LABELS,
  type SignOffKind,
} from './gate.ts';
export {
  type Deadline,
  type DeadlineStatus,
  type LeadTime,
  type LeadTimeInput,
  type LeadTimeRule,
  leadTime,
  leadTimeJson,
} from './leadtime.ts';
export { DAY3_QUESTIONS, DAY14_QUESTIONS, postLaunchDates } from './post-launch.ts';
