import type { Db } from '../../../db/client.ts';
import { personBySlackId } from '../../../services/slack/requests.ts';
import { answerStatus } from '../../../services/status/answer.ts';
import { readerOf } from '../roadmap/reader.ts';
import type { StatusAnswerer } from './index.ts';

/**
 * /status in Slack answered by the status service, as the Slack user's person may read it. A card shared in a
 * channel is read by everyone there, so it is answered as a stakeholder would read it, and not logged again.
 */
export function slackStatusAnswerer(db: Db): StatusAnswerer {
  return async (o) => {
    const person = await personBySlackId(db, o.slackUserId);
    const reader =
      o.audience === 'channel' || !person
        ? 'stakeholder'
        : readerOf({ personId: person.id, label: person.name, roles: person.roles });
    return answerStatus({
      db,
      now: o.now,
      q: o.q,
      pick: o.subject && o.id ? { subject: o.subject, id: o.id } : undefined,
      reader,
      personId: person?.id ?? null,
      channel: 'slack',
      record: o.audience === 'asker',
    });
  };
}
