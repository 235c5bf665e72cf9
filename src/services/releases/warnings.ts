import { and, arrayContains, eq } from 'drizzle-orm';
import { enablementBundles, people, releases } from '../../db/schema/index.ts';
import { todayIn } from '../../shared/calendar.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import type { ActionHandler } from '../scheduling.ts';
import { leadTimeOf } from './schedule.ts';

const WHAT = {
  distribute: 'distribute the enablement bundle',
  publish: 'publish the final enablement bundle',
};

/** Before a bundle deadline passes, the release's PM and eng owners and Product Ops hear what is due and what happens if missed. */
export const releaseDeadlineWarning: ActionHandler<'release.deadline_warning'> = async ({
  tx,
  action,
  payload: p,
  now,
}) => {
  const [r] = await tx.select().from(releases).where(eq(releases.id, p.releaseId));
  if (!r || r.status === 'launched' || r.status === 'rolled_back') return;
  const settings = await getSettings(tx);
  const [bundle] = await tx.select().from(enablementBundles).where(eq(enablementBundles.releaseId, r.id));
  const lt = leadTimeOf(settings, r, bundle, todayIn(settings.timeZone, now));
  const d = lt?.deadlines.find((x) => x.kind === p.deadline);
  // Already done, or the launch moved (a newer warning carries the new date).
  if (!lt || !d || d.status !== 'open' || d.due !== p.due) return;
  // Product Ops distributes and publishes; the owners supply the content.
  const ops = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['product_ops'])));
  const ids = [r.pmOwnerId, r.engOwnerId, ...ops.map((p) => p.id)].filter((id): id is string => Boolean(id));
  await enqueueMessage(tx, {
    key: action.key,
    kind: 'release.deadline_warning',
    ref: r.id,
    message: {
      title: `Due ${d.due}: ${WHAT[p.deadline]} for ${r.title}`,
      summary:
        `${r.title} launches ${r.targetDate} (Tier ${r.tier}). ` +
        `Product Ops must ${WHAT[p.deadline]} by ${d.due}` +
        (d.businessDaysLeft ? `, ${d.businessDaysLeft} business day(s) from now.` : ', today.') +
        ` If it slips, the earliest compliant launch is ${lt.earliestCompliantLaunch}.`,
      link: { label: 'Open the release', url: `/releases/${r.id}` },
    },
    recipients: await recipientsForPeople(tx, ids),
  });
};
