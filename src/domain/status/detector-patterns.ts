/**
 * The asking patterns of the status-request detector (detector.ts): each one's words, where its subject is, and
 * whether the sentence must also ask. Tried in order; the first that matches and survives the negative rules wins.
 */

/** A pattern: its words, where the subject is, and whether a question is needed beyond the words themselves. */
export interface Pattern {
  name: string;
  re: RegExp;
  /**
   * "always": the words ask by themselves ("any update on X", "where are we with X");
   * "asked": the sentence must also ask (a "?", a question opener or an asking lead) — the same words make
   * statements too ("the onboarding checklist is live", "ETA for X is Friday").
   */
  needs: 'always' | 'asked';
  /** A subject is required: "how's it going" is a greeting, "how's SCIM going" a ping. */
  subjectRequired?: boolean;
}

/** The verbs of shipping, as they follow "when does X …" / "when is X …". */
const SHIP =
  "(?:is |are |will |will be |'s |be )?(?:ship|ships|shipping|shipped|launch|launches|launching|land|lands|landing|release|releases|releasing|released|roll out|rolls out|rolling out|go live|goes live|going live|be live|come out|comes out|coming out|coming|go out|goes out|going out|go ga|goes ga|going ga|hit ga|hits ga|be ga|be available|available|be ready|ready|be done|done|be out of beta|out of beta|be out|out|drop|drops|dropping|be enabled|get turned on|be turned on|turn on|arrive|arriving|be deployed|deployed|happen|happening|due|expected)";

/** What may follow the verb in such a question: a date, a platform, a customer, "yet" — but not an object. */
const AFTER_VERB =
  '(?:\\s+(?:yet|already|again|back|to|for|in|on|at|by|before|this|next|or|and|with|together|officially|for real|soon|anytime|finally|across|everywhere|q[1-4]|ga|\\w+day|\\d)\\b.*)?$';

/** After "has X shipped": the same, with "last week" and without "back" ("shipped the laptop back" is a parcel). */
const AFTER_SHIPPED =
  '(?:\\s+(?:yet|already|again|last|to|for|in|on|at|by|before|this|or|and|with|together|officially|for real|finally|across|everywhere|\\w+day)\\b.*)?$';

/** States that answer "is X …?": live, out, shipped. */
const LIVE =
  '(?:live|out|out of beta|available|ready|done|finished|complete|completed|ga|released|shipped|launched|enabled|rolled out|deployed|in prod|turned on|merged)';

export const PATTERNS: Pattern[] = [
  // "Any update on X", "any news re X", "anything new on X", "I need an update on X": asking for news, in words.
  {
    name: 'any-update',
    re: /\b(?:(?:any|any new|got an?|have an?|is there an?|need an?|get an?|share an?|give (?:me |us )?an?)\s+(?:up?dat\w*|udpate\w*|news|word|progress|movement|traction|headway|luck)|anything new|any news)\s+(?:on|re:?|about|regarding|for|with|from \w+ on)\s+(.+)$/,
    needs: 'always',
  },
  // "What's the latest on X", "what's happening with X".
  {
    name: 'latest',
    re: /\bwhat(?:'s| is|s)?\s+(?:the latest|latest|new|happening|going on|the word|the story)\s+(?:on|with|re:?|about|for)\s+(.+)$/,
    needs: 'always',
  },
  // "What's the status of X", "anyone know the status of X", "pls share status of X", "status on X?" — the frame
  // must be an ask: "I changed the status of the ticket" and "is a 409 the right status for…" are not.
  {
    name: 'status-of',
    re: /\b(?:what(?:'s| is|s)?|wats|any|know|share|give(?: me| us)?|get|need|pls|please|quick|on)\s+(?:(?:the|teh|a|an|quick|current|latest|overall)\s+)*(?:status|state|word)\s+(?:of|on|for|re:?)\s+(.+)$/,
    needs: 'always',
  },
  // "Status of X?" — terse, so it needs the question mark: "status of SCIM provisioning: green" reports.
  {
    name: 'status-of-terse',
    re: /^(?:status|status update|update|updates|news|eta|timeline|timing)\s+(?:of|on|for|re:?)\s+(.+)$/,
    needs: 'asked',
  },
  // "Would love an ETA on X", "can I get the latest ETA for X", "wondering if there's a timeline for X": the
  // nouns of a status asked for, in a sentence that asks ("thanks for the update on X" thanks, "I'll post an
  // update on X" promises: both are set aside before the patterns).
  {
    name: 'noun-on',
    re: /\b(?:an?|the|any|some|latest|current|new|updated)\s+(?:eta|timeline|timeframe|update|status update|news|date|target date|launch date)\s+(?:on|for|re:?|about)\s+(.+)$/,
    needs: 'asked',
  },
  // "SCIM provisioning status?", "ubb status pls": a bare noun phrase and "status".
  {
    name: 'x-status',
    re: /^([\w@#][\w .&/+-]{0,60}?)\s+status(?:\s+(?:pls|please|check|update))?$/,
    needs: 'asked',
  },
  // "status check: X?", "status: X?", "eta: X?" — a label with a question mark asks; "status: done" states.
  { name: 'label-ask', re: /^(?:status(?: check)?|eta|update)\s*[:—–-]\s*(.+)$/, needs: 'asked' },
  // "When's the ETA for X", "do we have a date for X", "any timeline on X".
  {
    name: 'date-for',
    re: /\b(?:what(?:'s| is|s)?|any|is there an?|do (?:we|you|u|they) have an?|does (?:anyone|anybody|eng) have an?|have an?|got an?|need an?)\s+(?:the\s+)?(?:rough\s+|updated\s+|new\s+|target\s+|launch\s+|release\s+|ship\s+|go-live\s+|firm\s+)?(?:eta|timeline|timeframe|time frame|date|dates)\s+(?:on|for|of|re:?)\s+(.+)$/,
    needs: 'always',
  },
  // "ETA on X?", "eta X?", "X eta?": terse; "ETA 10 min" and "ETA for X is Friday" state.
  { name: 'eta', re: /^eta\s*(?:on|for|re:?)?\s+(.+)$/, needs: 'asked' },
  { name: 'x-eta', re: /^([\w@#][\w .&/+-]{0,60}?)\s+eta$/, needs: 'asked' },
  // "When does X ship", "when is X going live", "when's X landing", "any idea when X lands".
  {
    name: 'when-ship',
    re: new RegExp(
      `\\bwh?en(?:'s|s| is| are| does| do| will| would| can| could| should)?\\s+(.+?)\\s+${SHIP}${AFTER_VERB}`,
    ),
    needs: 'asked',
  },
  // "When are we launching X", "when are we turning on X".
  {
    name: 'when-we-ship',
    re: /\bwh?en(?:'s| is)? (?:are|will|do|can|the earliest (?:we|you|they) (?:can|could|would)) (?:we|you|u|they|eng)?\s*(?:be\s+)?(?:launching|launch|shipping|ship|releasing|release|turning on|turn on|rolling out|roll out|enabling|enable|switching on|flipping on|getting|get|opening up)\s+(.+)$/,
    needs: 'always',
  },
  // "When can customers use X", "when can I start selling X".
  {
    name: 'when-can-use',
    re: /\bwh?en (?:can|will|could) (?:i|we|customers|clients|users|they|sales|cs|the customer|admins)\s+(?:be able to\s+|start\s+)?(?:use|using|get|expect|see|sell|selling|demo|buy|turn on|enable|access|try|pitch|promise)\s+(.+)$/,
    needs: 'always',
  },
  // "When will the mobile app support dark mode": the thing asked about is what gets supported.
  {
    name: 'when-support',
    re: /\bwh?en (?:will|does|do|is|are|can)\s+.+?\s+(?:support|get support for|have support for|include|offer|allow)\s+(.+)$/,
    needs: 'always',
  },
  // "Is X live yet", "is X out", "are X available yet".
  {
    name: 'live-yet',
    re: new RegExp(
      `\\b(?:is|are|isn't|aren't)\\s+(.+?)\\s+(?:now\\s+|already\\s+|finally\\s+|fully\\s+|still\\s+)?${LIVE}(?:\\s+(?:yet|already|now|for|in|on|to|or|and|across|everywhere|at|with)\\b.*)?$`,
    ),
    needs: 'asked',
  },
  // "Anyone know if X is live", "can I tell Hooli that X is coming in Q2", "any chance X is ready".
  {
    name: 'if-live',
    re: new RegExp(
      `\\b(?:if|whether|chance|that)\\s+(.+?)\\s+(?:is|are|has been|have been|'s|will be|would be)\\s+(?:now\\s+|already\\s+|still\\s+)?(?:${LIVE}|coming|shipping|launching|going out|going live|happening|on track)\\b`,
    ),
    needs: 'asked',
  },
  // "Has X shipped", "did X go out", "curious if X has shipped" — the verb ends the clause (an object after it,
  // "has the customer shipped the order form", is someone doing something, not a release).
  {
    name: 'has-shipped',
    re: new RegExp(
      `\\b(?:has|have|did|if|whether)\\s+(.+?)\\s+(?:has\\s+|have\\s+)?(?:shipped|ship|launched|launch|released|rolled out|roll out|gone live|go live|gone out|go out|landed|land|been released|been deployed|been shipped|been turned on|been enabled|been rolled out|get turned on|get released|get deployed|get shipped|hit ga)${AFTER_SHIPPED}`,
    ),
    needs: 'asked',
  },
  // "Is X happening before year end", "any chance X lands before the 20th", "is X coming this quarter": a
  // yes/no question about when.
  {
    name: 'ship-by',
    re: new RegExp(
      `^(?:so\\s+)?(?:is|are|will|does|do|any chance|is there a chance)\\s+(.+?)\\s+(?:going to\\s+)?${SHIP}\\s+(?:before|by|this|next|in|for|on|until|at|q[1-4])\\b`,
    ),
    needs: 'asked',
  },
  // "Is X a Q2 or Q3 thing", "is X still a thing for Q3", "is X still Q3?": asking which quarter.
  {
    name: 'which-quarter',
    re: /^(?:so\s+)?(?:is|are)\s+(.+?)\s+(?:still\s+)?(?:an?\s+)?(?:(?:q[1-4]|h[12]|this quarter|next quarter)(?:\s+or\s+\S+)?\s+thing|thing\s+(?:for|in|this)|q[1-4]|h[12])\b/,
    needs: 'asked',
  },
  // "Has eng started on X yet", "did anyone pick up X": whether work has begun.
  {
    name: 'started',
    re: /\b(?:has|have|did)\s+(?:eng|engineering|the team|we|they|anyone|design)\s+(?:started|start|begun|begin|kicked off|picked up|pick up)\s+(?:on\s+|work on\s+|working on\s+)?(.+)$/,
    needs: 'asked',
  },
  // "Have we shipped X", "did we launch X".
  {
    name: 'we-shipped',
    re: /\b(?:have|has|did)\s+(?:we|they|eng|engineering|the team)\s+(?:ship|shipped|launch|launched|release|released|roll out|rolled out|turn on|turned on|enable|enabled|deploy|deployed)\s+(.+)$/,
    needs: 'asked',
  },
  // "Did X make it into 2.14", "anyone know if X made the 4.2 release".
  {
    name: 'made-release',
    re: /\b(?:did|has|have|if|whether|is|are)\s+(.+?)\s+(?:make|made|making|going to make|gonna make|will make)\s+(?:it\s+(?:into|in|to)|the cut|the\s+(?:[\w.]+\s+){0,3}(?:release|sprint|build|train|version))/,
    needs: 'asked',
  },
  // "Is X in the next release", "is X going out this sprint", "are X and Y shipping together".
  {
    name: 'in-release',
    re: /\b(?:is|are)\s+(.+?)\s+(?:in (?:the |this |that )?(?:next|this|upcoming|coming|[\d.]+)\s*(?:mobile\s+)?(?:release|sprint|build|train|version)|(?:shipping|launching|going out|going live|releasing|landing|rolling out)\b)/,
    needs: 'asked',
  },
  // "Is X still on track (for the May launch)", "are we still on track for X", "still on track to ship X in 4.3?":
  // the subject between "is" and "on track" comes first, the launch it is on track for is only a qualifier.
  {
    name: 'x-on-track',
    re: /^(?:is|are)\s+(?!we\b)(.+?)\s+(?:still\s+)?on (?:track|schedule)\b/,
    needs: 'asked',
  },
  {
    name: 'on-track-for',
    re: /\bon (?:track|schedule) (?:for|to (?:ship|launch|release|deliver|land))\s+(.+)$/,
    needs: 'asked',
  },
  { name: 'x-still-on-track', re: /^(.+?)\s+(?:still\s+)?on (?:track|schedule)\b/, needs: 'asked' },
  // "Is X still planned for this quarter", "X still happening this quarter?", "is X still slated for april".
  {
    name: 'still-planned',
    re: /^(?:is |are )?(.+?)\s+still\s+(?:planned|happening|slated|scheduled|coming|targeted|expected|committed|on the roadmap|in scope|going out)\b/,
    needs: 'asked',
  },
  // "Where are we with X", "where do we stand on X", "where's X at", "where does X stand".
  {
    name: 'where-are-we',
    re: /\bwhere (?:are|r) (?:we|u|you|things)(?: at)?\s+(?:with|on|re:?|w\/)\s+(.+)$/,
    needs: 'always',
  },
  {
    name: 'where-stand',
    re: /\bwhere (?:do|does) (?:we|things)\s+stand\s+(?:on|with)\s+(.+)$/,
    needs: 'always',
  },
  { name: 'where-x-stand', re: /\bwhere does\s+(.+?)\s+stand\b/, needs: 'always' },
  { name: 'where-x-at', re: /\bwhere(?:'s| is|s)\s+(.+?)\s+at$/, needs: 'always' },
  // "How's X coming along", "how is X going", "how close are we on X", "how far along is X".
  {
    name: 'how-going',
    re: /\bhow(?:'s| is|s| are)\s+(.+?)\s+(?:coming along|going|looking|progressing|shaping up|tracking|coming)\b/,
    needs: 'always',
    subjectRequired: true,
  },
  {
    name: 'how-things',
    re: /\bhow (?:are|r|'re) things\s+(?:looking|going|progressing|tracking)\s+(?:for|on|with)\s+(.+)$/,
    needs: 'always',
  },
  {
    name: 'how-close',
    re: /\bhow (?:close are we|are we doing|far along are we|far are we)\s+(?:on|to|with)\s+(.+)$/,
    needs: 'always',
  },
  { name: 'how-far', re: /\bhow far (?:along )?is\s+(.+)$/, needs: 'always' },
  // "Can we promise X to Initech by the 15th", "what are we telling customers about X".
  {
    name: 'promise',
    re: /\b(?:can|could|should) (?:i|we) (?:promise|commit|commit to|guarantee|confirm)\s+(.+)$/,
    needs: 'always',
  },
  {
    name: 'telling-customers',
    re: /\bwhat (?:are we|do we|should (?:i|we)|can (?:i|we)) (?:tell|telling|say|saying)\s+(?:customers|the customer|them|prospects|clients|\w+)?\s*(?:about|re:?|on|regarding)\s+(.+)$/,
    needs: 'always',
  },
  // "Following up on X", "checking in on X": a ping by definition.
  {
    name: 'follow-up',
    re: /^(?:just\s+)?(?:following up|checking in|circling back|bumping|pinging again|pinging)\s+(?:on|re:?|about)\s+(.+)$/,
    needs: 'always',
  },
  // "Tax engine upgrade — where are we?", "sf sync v2 - any news?", "audit log export — still Q3?": a topic, then
  // the ask.
  {
    name: 'topic-then-ask',
    re: /^(.+?)\s*(?:—|–|-|:|,)\s*(?:any (?:update|updates|news|word|progress|movement|eta)|where are we(?: at)?|status|eta|still on track|still (?:q[1-4]|planned|happening|on|end of \w+|this \w+|next \w+|in \w+)|live yet|out yet|when|are we (?:ga|live|out|done|there)|is (?:it|that) (?:ga|live|out|done|ready)|did (?:it|that) (?:ever )?(?:ship|launch|go out|land))\b.*$/,
    needs: 'asked',
  },
  // "X live yet?", "guided onboarding checklist live?" — elliptical.
  {
    name: 'x-live',
    re: /^([\w@#][\w .&/+-]{0,60}?)\s+(?:live|out|shipped|ready|done|ga)(?:\s+yet)?$/,
    needs: 'asked',
  },
  // "Any update?", "any news here?", "what's the status?", "any eta?" — a ping with the subject in the thread.
  {
    name: 'bare-ask',
    re: /^(?:any (?:update|updates|news|word|progress|eta)(?: here| on this| on that)?|what(?:'s| is|s) the (?:status|latest|eta)(?: here| on this| on that)?|status|eta|where are we(?: at)?(?: on this| with this)?)$/,
    needs: 'asked',
  },
];
