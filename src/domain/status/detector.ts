/**
 * Finds the chat messages that ask for a status ("what's the status of X?", "any update on X", "is X live yet")
 * and the thing they ask about, so prodops can count the ad-hoc status pings it is meant to remove.
 *
 * Rules, not a model: a message is split into sentences; each sentence is tried against a small set of asking
 * patterns (PATTERNS, in detector-patterns.ts), each with a condition saying when its words are a question rather
 * than a statement. The negative rules below reject what looks alike — "status" as a meeting, a page, a code or a
 * label, questions about people, events and deals, answers, thanks and announcements. Pure: text in, verdict out.
 */

import { PATTERNS, type Pattern } from './detector-patterns.ts';

export interface StatusRequest {
  isRequest: boolean;
  /** What is asked about, lower-cased ("salesforce sync v2"); null when the message names nothing ("any update?"). */
  subject: string | null;
  /** The name of the pattern that matched, for explaining and for the bench's breakdown. */
  pattern: string | null;
}

const NONE: StatusRequest = { isRequest: false, subject: null, pattern: null };

/** Longer texts are pasted logs or documents, never a ping; reading only the start also bounds the regex work. */
const MAX_CHARS = 2000;

// ——— Slack mrkdwn to plain text ———

/**
 * Slack's markup to words: a mention becomes "@someone" (so a question about a person is seen as one), a channel
 * its "#name", a link its label (a bare link its last path segment, usually a ticket key), :emoji: nothing,
 * formatting marks and Slack's three entities their characters.
 */
export function plainText(mrkdwn: string): string {
  return mrkdwn
    .slice(0, MAX_CHARS)
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, '@someone')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_, name: string | undefined) => name ?? '@team')
    .replace(/<![a-z]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[A-Z0-9]+(?:\|([^>]*))?>/g, (_, name: string | undefined) => `#${name ?? 'channel'}`)
    .replace(/<([a-z][a-z0-9+.-]*:[^|>]*)\|([^>]*)>/gi, '$2')
    .replace(
      /<([a-z][a-z0-9+.-]*:[^>]*)>/gi,
      (_, url: string) => url.split(/[/?#]/).filter(Boolean).pop() ?? '',
    )
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*~]/g, '')
    .replace(/(^|\s)_+|_+(?=\s|$|[?!.,])/g, '$1');
}

// ——— Sentences ———

interface Sentence {
  /** Lower-cased, single spaces, without its end mark. */
  text: string;
  /** It ended with "?" (the strongest sign of a question in chat). */
  question: boolean;
}

/** Split at ? ! and newlines, and at a full stop followed by a space ("v2.1" and "4.2" stay whole). */
function sentences(plain: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /([^?!\n]*?)(\?+|!+|\.(?=\s|$)|\n|$)/g;
  for (const m of plain.toLowerCase().matchAll(re)) {
    const text = m[1]!.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, question: m[2]!.startsWith('?') });
    if (m[0] === '') break;
  }
  return out;
}

// ——— Negative rules ———

/** Openers that carry no meaning: greetings ("heyyy"), addressing, "quick q:". Stripped before reading a sentence. */
const OPENER =
  /^(?:(?:he+y+|hi+|hello|yo|ok|okay|so|and|also|btw|sorry|quick q|quick question|quick one|q|team|all|folks|\+1|@someone|@team|#[\w-]+)\b[\s,:!—–-]*)+/;

/**
 * Words that open a direct question: "is X live", "when does X ship", "any update", "wondering when…". A pattern
 * whose words could also be a statement ("when X ships we…") needs one of these or a question mark. "Status" and
 * "ETA" are not among them: "status: done" and "ETA 10 min" open statements.
 */
const ASKS =
  /^(?:what|whats|what's|wats|where|wheres|where's|when|whens|when's|wen|how|hows|how's|is|isn't|are|has|have|did|does|do|will|would|can|could|any|anyone|anybody|curious|wondering|checking in|following up|circling back|bumping|pls|please|need|teams? asking|customers? asking)\b/;

/** Words in a sentence that turn what follows into a question: "any idea when", "do we know if", "asking if". */
const ASK_LEAD =
  /\b(?:any idea|idea when|know|knows|heard|wondering|curious|asking|asked|ask|confirm|tell (?:me|us|them)?|any chance|sure)\b/;

/** "Let me know when X ships", "ping me when…": asking to be told later is not asking for a status now. */
const NOTIFY_LATER =
  /\b(?:let (?:me|you|us|them|everyone|\w+) know|ping (?:me|us)|tell (?:me|us)|notify|remind (?:me|us)|once|as soon as|until|by the time|after)\b/;

/** An answer or an acknowledgement opens with these: "no update from me", "not yet", "thanks for the update on X". */
const ANSWER_OR_THANKS =
  /^(?:no|nothing|not yet|nope|yes|yep|yeah|thanks|thank you|thx|ty|appreciate|cheers|great|nice|awesome|perfect|love|kudos|congrats|got it)\b/;

/** "I'll post an update on X", "we will share the ETA": the speaker promises a status, they do not ask for one. */
const SPEAKER_WILL = /^(?:i'll|i will|we'll|we will|i'm going to|we're going to|i can|we can share)\b/;

/**
 * A header that announces ("update: we shipped X", "FYI: …", "update on X: beta extended"). Only in a message with
 * no question mark: "update: any news on X?" still asks.
 */
const ANNOUNCEMENT =
  /^(?:(?:weekly |status |quick |small )?update|fyi|heads up|psa|reminder|announcement|release notes|launch(?:ed)?|shipped|update from [\w ]+?)(?: on [^:?]{1,60})?\s*[:—–-]/;

/** A joke is not a ping ("what's the status? :smile: just kidding"). */
const JOKE = /\b(?:just kidding|jk|kidding|lol)\b/;

/**
 * A job someone is waiting on right now ("when will the export be ready? it's been spinning for 20 minutes"):
 * a support question about one run, not about a piece of product work.
 */
const RUNNING_JOB =
  /\b(?:spinning|queued|still (?:says )?processing|stuck (?:on|at)|loading|it's been \d+|been running|uploaded|refresh(?:ed|ing)?|\d+ minutes ago|an hour ago|hours ago)\b/;

/**
 * Things whose status is not product work: meetings and events, deals and paperwork, the incident page. Matched
 * anywhere in the subject ("the holiday party venue", "the globex deal").
 */
const NOT_WORK =
  /\b(?:meeting|standup|stand-up|status (?:sync|call|review)|weekly sync|1:1|retro|all-hands|all hands|offsite|onsite|qbr|lunch|dinner|party|happy hour|demo day|interview|candidate|deal|contract|renewal|opportunity|expenses?|expense report|pto|vacation|leave|laptop|status page|statuspage|outage|incident|webinar|training|workshop|session|demo|recording)\b/;

/** A subject that is a person or a pronoun for one: "is @someone out today", "how's it going", "is he around". */
const PERSON =
  /^(?:@\w+|he|she|they|you|u|everyone|everybody|anyone|someone|people|the team|the new \w+ hire)$/;

/** Someone's own thing ("when will my export be ready", "the status of my expense report"): support, not product. */
const OWN = /^(?:my|your|his|her)\b/;

/** Words that start with a person: "update the status in Jira when you're done" is about someone's work, now. */
const PERSON_FIRST = /^(?:i|i'm|you|you're|u|we|we're|he|she|he's|she's|they|they're|@someone)\b/;

/** An imperative ask without a question mark: "ubb status pls", "share the ETA asap". */
const PLEASE = /\b(?:pls|plz|please|asap)$/;

/** Pronouns and fillers that name nothing: "when is it shipping?" asks, but about nothing the text names. */
const NOTHING =
  /^(?:it|this|that|these|those|here|there|them|things|this one|that one|one|all|any|anything)$/;

// ——— Subjects ———

/** Words that start a subject but are not part of its name. */
const SUBJECT_HEAD =
  /^(?:the|our|that|this|a|an|any|on|re|about|with|for|following up on|checking in on|circling back on|bumping|when|if|whether|@someone|#[\w-]+)\s+/;

/**
 * Where a subject's qualifiers start: the customer, the platform, the date, the reason ("scim provisioning for
 * azure ad", "bulk user import to initech by the 15th", "offline mode on android").
 */
const SUBJECT_TAIL =
  /\s+(?:for|to|in|on|by|before|from|with|this|next|last|so|because|since|per|at|into|where|which|that|who|is|are|was|were|will|would|has|have|had|should|can|could|going|coming|still|yet|already|again|now|or|vs|and then|today|tomorrow|yesterday|asap|eod|pls|please|btw|anymore|at all|by any chance|ga|thing|stuff|work|feature|timing|timeline|eta|status|live|out)(?:\s.*)?$/;

function cleanSubject(raw: string): string | null {
  let s = raw
    .replace(/["'()[\]{}]+/g, ' ')
    .replace(/[,;:!?…—–]+.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s
      .replace(SUBJECT_HEAD, '')
      .replace(SUBJECT_TAIL, '')
      .replace(/\s+-\s*$/, '')
      .trim();
  }
  s = s.replace(/^[^\p{L}\p{N}@#]+|[^\p{L}\p{N}]+$/gu, '');
  return s && !NOTHING.test(s) ? s : null;
}

// ——— Trying a pattern ———

/** Words in a subject that show the words around it were not about a thing (a verb phrase, a how-to). */
const NOT_A_THING = /\b(?:supposed|expected to|going to|able to|meant to|allowed|required|possible)\b/;

/** A person's absence or availability, not a release's: "out today", "available this afternoon", "live on the webinar". */
const PERSON_STATE =
  /\b(?:out (?:today|tomorrow|sick|this (?:week|afternoon|morning)|for the day|of (?:the )?office|on (?:pto|leave|vacation|holiday))|available (?:this|today|tomorrow|now|at|for an? (?:call|chat|quick))|live on (?:the )?(?:webinar|call|stream|zoom|air|stage))\b/;

/** Packaging, not progress: "is SCIM available on the Starter plan" — unless "yet" makes it about time. */
const PACKAGING = /\b(?:on|in|for) (?:the )?(?:\w+ )?(?:plan|tier|edition|sku)\b/;

/** A statement that answers: "ETA for X is end of month", "ETA on SCIM is end of Q2 per Dana". */
const STATES_ANSWER = /\s(?:is|are|was|will be|should be|looks like|=)\s/;

/** A clause, not a noun phrase: it opens with a question word or holds a verb of being. */
const CLAUSE =
  /^(?:what|whats|what's|when|whens|when's|where|how|who|why|is|are|will|can|does|do|did|has|have)\b|\b(?:be|is|are|was|were|will|been)\b/;

const WHEN_ASKS = /^wh?en(?:'s|s| is| are| does| do| will| can)\b/;

function asks(s: Sentence, opened: string): boolean {
  return (
    s.question ||
    ASKS.test(opened) ||
    PLEASE.test(opened) ||
    (ASK_LEAD.test(s.text) && !NOTIFY_LATER.test(s.text))
  );
}

function tryPattern(p: Pattern, s: Sentence, opened: string, messageAsks: boolean): StatusRequest | null {
  const m = p.re.exec(opened);
  if (!m) return null;
  const raw = m[1] ?? '';
  if (p.needs === 'asked' && !asks(s, opened)) return null;
  // "When X ships we need…", "ping me when X is deployed": conditions and requests to be told later.
  if (p.name.startsWith('when-') && NOTIFY_LATER.test(s.text)) return null;
  // Without "?", a when-question opens with its auxiliary ("when does X ship") or follows an asking lead ("any idea
  // when X ships"); "when X ships, we…" is a condition.
  if (p.name === 'when-ship' && !s.question && !WHEN_ASKS.test(opened) && !ASK_LEAD.test(s.text)) return null;
  // "ETA for X is end of month" answers; "eta on X?" asks.
  if ((p.name === 'eta' || p.name === 'label-ask') && !s.question && STATES_ANSWER.test(` ${raw} `))
    return null;
  // "ETA 10 min", "eta ~5": a time, not a thing.
  if ((p.name === 'eta' || p.name === 'x-eta') && /^[\d~<>]/.test(raw)) return null;
  if (NOT_A_THING.test(raw) || PERSON_STATE.test(opened)) return null;
  if (PACKAGING.test(opened) && !/\b(?:yet|already|now)\b/.test(opened)) return null;
  // "any update on the status page should go through comms first": the phrase is the sentence's subject.
  if (!messageAsks && /\b(?:should|must|needs to|goes|go) (?:go|be|through)\b/.test(raw)) return null;
  // The elliptical patterns ("SCIM status?", "X live yet?") take a noun phrase: a clause before the word ("when
  // will my export be ready") is another pattern's business.
  if (p.name.startsWith('x-') && CLAUSE.test(raw)) return null;
  const subject = cleanSubject(raw);
  if (subject && (PERSON.test(subject) || NOT_WORK.test(subject))) return null;
  if (!subject && p.subjectRequired) return null;
  // A subject that is a person: the raw words are "@someone" or start with a personal pronoun.
  if (PERSON.test(raw.trim()) || PERSON_FIRST.test(raw.trim()) || OWN.test(raw.trim())) return null;
  return { isRequest: true, subject, pattern: p.name };
}

/**
 * Whether a chat message asks for the status of something, and what. Slack mrkdwn is read as Slack shows it.
 */
export function detectStatusRequest(text: string): StatusRequest {
  const plain = plainText(text);
  const lower = plain.toLowerCase();
  const all = sentences(plain);
  if (all.length === 0) return NONE;
  const messageAsks = lower.includes('?');
  // Whole-message vetoes: an announcement without a question, a joke, someone waiting on a running job.
  if (!messageAsks && ANNOUNCEMENT.test(all[0]!.text)) return NONE;
  if (JOKE.test(lower) || RUNNING_JOB.test(lower)) return NONE;
  for (const s of all) {
    const opened = s.text.replace(OPENER, '').trim();
    if (!opened) continue;
    if (ANSWER_OR_THANKS.test(opened) && !s.question) continue;
    if (SPEAKER_WILL.test(opened) && !s.question) continue;
    for (const p of PATTERNS) {
      const found = tryPattern(p, s, opened, messageAsks);
      if (found) return found;
    }
  }
  return NONE;
}
