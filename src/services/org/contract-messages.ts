import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { podMembers, type strategyContracts } from '../../db/schema/index.ts';
import { namesText } from '../../domain/org/contracts.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';

/** The delivery kinds of strategy contracts: a sign-off asked of someone, and "everyone signed" to the pod's PM. */
export const CONTRACT_SIGN_OFF_KIND = 'contract.sign_off';
export const CONTRACT_SIGNED_KIND = 'contract.signed';

type ContractRow = typeof strategyContracts.$inferSelect;
type Pod = { id: string; name: string };

const podLink = (pod: Pod, label: string) => ({ label, url: `/pods/${pod.id}` });
const oneLine = (text: string, max = 200) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** The contract's summary for someone asked to sign it: the goal, how it is measured, the one-way doors. */
export function askMessage(pod: Pod, c: ContractRow, by: string): OutgoingMessage {
  const sections: NonNullable<OutgoingMessage['sections']> = [{ heading: 'Goal', markdown: c.goal }];
  if (c.metrics.length)
    sections.push({
      heading: 'Metrics',
      markdown: c.metrics.map((m) => `- ${oneLine(m.name)}: ${oneLine(m.target)}`).join('\n'),
    });
  const doors = c.risks.filter((r) => r.oneWayDoor);
  if (doors.length)
    sections.push({
      heading: doors.length === 1 ? 'One-way door' : 'One-way doors',
      markdown: doors.map((r) => `- ${oneLine(r.text, 500)}`).join('\n'),
    });
  return {
    title: `Sign-off asked: ${pod.name}'s strategy contract (version ${c.version})`,
    summary:
      `${by} asks you to sign off ${pod.name}'s strategy contract, deadline ${c.deadline}: ` +
      `${oneLine(c.goal)}`,
    sections,
    link: podLink(pod, 'Read and sign it in prodops'),
  };
}

/** Asks each named person (by their own delivery preferences); the same version never asks anyone twice. */
export async function askSigners(
  tx: Db,
  o: { pod: Pod; contract: ContractRow; by: string; personIds: string[] },
): Promise<void> {
  if (!o.personIds.length) return;
  await enqueueMessage(tx, {
    key: `${CONTRACT_SIGN_OFF_KIND}:${o.contract.id}`,
    kind: CONTRACT_SIGN_OFF_KIND,
    ref: o.pod.id,
    message: askMessage(o.pod, o.contract, o.by),
    recipients: await recipientsForPeople(tx, o.personIds),
  });
}

/** The last signature is in: the pod's PM and whoever proposed the version hear that it is in force. */
export async function tellSigned(
  tx: Db,
  o: { pod: Pod; contract: ContractRow; signers: string[] },
): Promise<void> {
  const pms = await tx
    .select({ id: podMembers.personId })
    .from(podMembers)
    .where(and(eq(podMembers.podId, o.pod.id), eq(podMembers.role, 'pm')));
  const ids = [...pms.map((p) => p.id), ...(o.contract.createdBy ? [o.contract.createdBy] : [])];
  if (!ids.length) return;
  await enqueueMessage(tx, {
    key: `${CONTRACT_SIGNED_KIND}:${o.contract.id}`,
    kind: CONTRACT_SIGNED_KIND,
    ref: o.pod.id,
    message: {
      title: `${o.pod.name}'s strategy contract is signed (version ${o.contract.version})`,
      summary: `${namesText(o.signers)} signed it off: the pod works to it until ${o.contract.deadline}.`,
      link: podLink(o.pod, 'Open the pod in prodops'),
    },
    recipients: await recipientsForPeople(tx, ids),
  });
}
