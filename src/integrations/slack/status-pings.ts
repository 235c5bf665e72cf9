import { detectStatusRequest } from '../../domain/status/detector.ts';
import type { SlackExportMessage } from './export.ts';

/** A message that asks for a status, with what it asks about and where to find it. */
export interface DetectedPing extends SlackExportMessage {
  subject: string | null;
  /** The detector's pattern that matched. */
  pattern: string;
  /**
   * Where it was asked, as Slack's permalinks name a message ("#sales/p1772471000000200"): the channel and the ts
   * without its dot. A real permalink needs the workspace's host and the channel's id; this names the same message.
   */
  reference: string;
}

/** The status requests among an export's messages (readSlackExport), streamed as they are read. */
export async function* detectInExport(
  messages: AsyncIterable<SlackExportMessage> | Iterable<SlackExportMessage>,
): AsyncGenerator<DetectedPing> {
  for await (const message of messages) {
    const found = detectStatusRequest(message.text);
    if (!found.isRequest || !found.pattern) continue;
    yield {
      ...message,
      subject: found.subject,
      pattern: found.pattern,
      reference: `#${message.channel}/p${message.ts.replace('.', '')}`,
    };
  }
}
