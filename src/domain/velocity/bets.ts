import {
  CHANGE_KINDS,
  type TBetCluster,
  type TBetPlacement,
  type TBetProfile,
  type TChangeKind,
} from '../../shared/bets.ts';

/**
 * Where a bet sits and how its team should work, from its profile (issue 15, C7). The rule, checked in order:
 *
 * 1. Entangled — dependence on other teams is heavy, or some dependence meets an org change: others hold the
 *    keys, so the plan with them comes first.
 * 2. Uncharted — domain familiarity is low, or measurability is low, or it changes customers' behaviour, our
 *    systems and the org at once: nobody knows the answer yet, so the team buys learning in a time box.
 * 3. Known ground — familiarity high, measurability high, no behaviour or org change, no dependence and
 *    traceability not low: a known pattern, delivered in small slices.
 * 4. Adjacent move — anything else: familiar enough to build, new enough to check as it goes; its reasons are
 *    what kept it from known ground.
 *
 * Cautions add what the goal type, weak traceability or the pull of a later cluster (an entangled bet that is
 * also uncharted) ask of the team.
 */

const CLUSTER_LABELS: Record<TBetCluster, string> = {
  known_ground: 'Known ground',
  adjacent: 'Adjacent move',
  uncharted: 'Uncharted',
  entangled: 'Entangled',
};

const APPROACHES: Record<TBetCluster, TBetPlacement['approach']> = {
  known_ground: {
    title: 'Incremental delivery: ship in small slices behind flags',
    summary: 'The pattern is known and the result can be read: plan the slices, ship each, watch the metric.',
    steps: [
      'Cut the work into slices that each ship on their own, behind a flag.',
      'Roll each slice out to a share of customers, then to everyone.',
      'Read the success metric after every slice; stop when it is met.',
    ],
  },
  adjacent: {
    title: 'Build, measure, adjust: a thin first version to a few customers',
    summary: 'Close enough to what the team knows to build, new enough to check each step against real use.',
    steps: [
      'Ship the thinnest version that tests the new part to a few customers.',
      'Agree beforehand which signal widens the rollout and which one stops it.',
      'Widen in steps, adjusting the plan from what each step shows.',
    ],
  },
  uncharted: {
    title: 'Time-boxed discovery with explicit learning goals',
    summary:
      'Nobody knows the answer yet: buy learning, not features, and decide at the end of the time box.',
    steps: [
      'Write an experiment brief: the learning goals, the signals and the harmful indicators to watch.',
      'Set a time box (two to four weeks) and its end date.',
      'Run the cheapest experiments that answer the learning goals; build nothing to last yet.',
      'At the end of the time box, decide: commit, change course or drop the bet, and log the decision.',
    ],
  },
  entangled: {
    title: 'Coordinate first: agree the dependency plan with the other teams',
    summary:
      'Other teams hold part of the work: the plan with them decides the date more than the build does.',
    steps: [
      'Name every team the bet needs and what it needs from each.',
      'Agree dates and owners with those teams before building, and write them down.',
      'Build first what depends on nobody; review the dependencies at every Roadmap Review.',
    ],
  },
};

const GOAL_CAUTIONS: Record<TBetProfile['goal'], string> = {
  growth: 'Growth bet: watch a leading indicator of adoption, not only revenue, which arrives late.',
  margin: 'Margin bet: measure the cost or price baseline before the first change, so the gain can be shown.',
  stability: 'Stability bet: roll out gradually with a rollback plan; incidents and tickets are the metric.',
};

const CHANGE_WORDS: Record<TChangeKind, string> = {
  behaviour: "customers' behaviour",
  system: 'our systems',
  org: 'the organisation',
};

/** "customers' behaviour, our systems and the organisation", always in that order. */
const changeList = (kinds: readonly TChangeKind[]) => {
  const words = CHANGE_KINDS.filter((k) => kinds.includes(k)).map((k) => CHANGE_WORDS[k]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
};

function entangledReasons(p: TBetProfile, change: Set<TChangeKind>): string[] {
  if (p.dependence === 'heavy') return ['Depends heavily on other teams.'];
  if (p.dependence === 'some' && change.has('org'))
    return ['Depends on other teams and needs an organisational change.'];
  return [];
}

function unchartedReasons(p: TBetProfile, change: Set<TChangeKind>): string[] {
  const reasons: string[] = [];
  if (p.familiarity === 'low') reasons.push('The team knows little of this domain (familiarity low).');
  if (p.measurability === 'low') reasons.push('Success is hard to measure (measurability low).');
  if (change.size === 3) reasons.push(`It changes ${changeList([...change])} at once.`);
  return reasons;
}

/** What keeps a bet from known ground: every answer that is not the known-ground one. */
function differencesFromKnownGround(p: TBetProfile, change: Set<TChangeKind>): string[] {
  const out: string[] = [];
  if (p.familiarity !== 'high') out.push(`Domain familiarity is ${p.familiarity}, not high.`);
  if (p.measurability !== 'high') out.push(`Measurability is ${p.measurability}, not high.`);
  const beyondCode = [...change].filter((k) => k !== 'system');
  if (beyondCode.length) out.push(`It needs a change in ${changeList(beyondCode)}.`);
  if (p.dependence !== 'none') out.push('It depends on some work by other teams.');
  if (p.traceability === 'low') out.push('Results are hard to trace back to the work (traceability low).');
  return out;
}

function knownGroundReasons(p: TBetProfile, change: Set<TChangeKind>): string[] {
  return [
    'The team knows this domain well (familiarity high).',
    'Success can be measured (measurability high).',
    change.has('system') ? 'Only our systems change.' : 'Nothing has to change beyond the code.',
    'No other team is needed.',
    ...(p.traceability === 'medium' ? [] : ['Results trace back to the work.']),
  ];
}

function clusterOf(p: TBetProfile, change: Set<TChangeKind>): { cluster: TBetCluster; reasons: string[] } {
  const entangled = entangledReasons(p, change);
  if (entangled.length) return { cluster: 'entangled', reasons: entangled };
  const uncharted = unchartedReasons(p, change);
  if (uncharted.length) return { cluster: 'uncharted', reasons: uncharted };
  const differences = differencesFromKnownGround(p, change);
  if (differences.length === 0) return { cluster: 'known_ground', reasons: knownGroundReasons(p, change) };
  return { cluster: 'adjacent', reasons: differences };
}

function cautionsOf(p: TBetProfile, cluster: TBetCluster, change: Set<TChangeKind>): string[] {
  const out = [GOAL_CAUTIONS[p.goal]];
  if (cluster === 'entangled' && unchartedReasons(p, change).length)
    out.push('It is uncharted too: once the plan with the other teams is agreed, time-box the discovery.');
  if (p.traceability === 'low' && cluster !== 'adjacent')
    out.push('Traceability is low: instrument the work before starting, or the result cannot be attributed.');
  return out;
}

/** The bet's cluster, the reasons that placed it there, and the approach recommended to its team. */
export function placeBet(profile: TBetProfile): TBetPlacement {
  const change = new Set(profile.change);
  const { cluster, reasons } = clusterOf(profile, change);
  return {
    cluster,
    label: CLUSTER_LABELS[cluster],
    reasons,
    approach: APPROACHES[cluster],
    cautions: cautionsOf(profile, cluster, change),
  };
}

export const clusterLabel = (cluster: TBetCluster): string => CLUSTER_LABELS[cluster];
