import { describe, expect, it } from 'vitest';
import { detectStatusRequest, plainText } from './detector.ts';

describe('detectStatusRequest: requests and what they ask about', () => {
  const requests: Array<{ name: string; text: string; subject: string | null }> = [
    { name: 'status of', text: "What's the status of the Salesforce sync?", subject: 'salesforce sync' },
    {
      name: 'status on, no question mark',
      text: 'whats the status on scim provisioning',
      subject: 'scim provisioning',
    },
    { name: 'any update on', text: 'any update on usage-based billing?', subject: 'usage-based billing' },
    { name: 'any updates re', text: 'any updates re: tax engine upgrade', subject: 'tax engine upgrade' },
    { name: 'when does … ship', text: 'When does offline mode ship?', subject: 'offline mode' },
    {
      name: 'when is … going live',
      text: 'when is the onboarding checklist going live',
      subject: 'onboarding checklist',
    },
    {
      name: 'any idea when … lands',
      text: 'any idea when faster search lands on iOS?',
      subject: 'faster search',
    },
    { name: 'is … live yet', text: 'is bulk user import live yet', subject: 'bulk user import' },
    { name: 'is … out yet', text: 'Is the invoice PDF redesign out yet?', subject: 'invoice pdf redesign' },
    { name: 'ETA on', text: 'ETA on the tax engine upgrade?', subject: 'tax engine upgrade' },
    { name: '… ETA?', text: 'bulk import ETA?', subject: 'bulk import' },
    {
      name: 'where are we with',
      text: 'where are we with scheduled report exports',
      subject: 'scheduled report exports',
    },
    { name: "where's … at", text: "where's the tax engine upgrade at?", subject: 'tax engine upgrade' },
    { name: 'terse status of', text: 'status of SCIM?', subject: 'scim' },
    {
      name: 'has … shipped',
      text: 'has the guided onboarding checklist shipped?',
      subject: 'guided onboarding checklist',
    },
    {
      name: 'did … go out',
      text: 'did the android crash fix go out yesterday?',
      subject: 'android crash fix',
    },
    {
      name: 'still on track for',
      text: 'are we still on track for invoice PDF redesign?',
      subject: 'invoice pdf redesign',
    },
    {
      name: 'is … still on track for a launch',
      text: 'is UBB still on track for the May launch',
      subject: 'ubb',
    },
    {
      name: 'do we have a date for',
      text: 'do we have a date for SCIM provisioning?',
      subject: 'scim provisioning',
    },
    {
      name: 'topic, then the ask',
      text: 'Tax engine upgrade — where are we?',
      subject: 'tax engine upgrade',
    },
    {
      name: 'anything new on',
      text: 'anything new on the IP allowlisting work?',
      subject: 'ip allowlisting',
    },
    {
      name: 'an ETA asked for',
      text: 'would love an ETA on the onboarding checklist',
      subject: 'onboarding checklist',
    },
    {
      name: 'which quarter',
      text: 'is faster search a Q2 or Q3 thing at this point?',
      subject: 'faster search',
    },
    {
      name: 'whether work started',
      text: 'has eng started on bulk user import yet?',
      subject: 'bulk user import',
    },
    { name: 'a yes/no on timing', text: 'so is apple pay coming this quarter or not', subject: 'apple pay' },
    { name: 'a bare ping in a thread', text: '+1, any update here?', subject: null },
    { name: 'a pronoun names nothing', text: 'bumping this — when is it shipping?', subject: null },
  ];
  it.each(requests)('$name: "$text"', ({ text, subject }) => {
    const found = detectStatusRequest(text);
    expect(found.isRequest).toBe(true);
    expect(found.subject).toBe(subject);
    expect(found.pattern).not.toBeNull();
  });
});

describe('detectStatusRequest: look-alikes are not requests', () => {
  const lookAlikes: Array<{ name: string; text: string }> = [
    { name: 'a status meeting', text: 'status meeting moved to 3pm' },
    { name: 'a question about the status meeting', text: "when's the payments status call?" },
    { name: 'an HTTP status code', text: "what's the status code for this error?" },
    {
      name: 'a status code about a feature',
      text: 'what status code do we return when the SCIM token is expired?',
    },
    { name: 'the status page', text: "I'll update the status page" },
    { name: 'a label', text: 'status: done' },
    { name: 'someone’s Slack status', text: 'my status is away' },
    { name: 'an announcement', text: 'update: we shipped Salesforce sync v2 :rocket:' },
    { name: 'an "update on X:" header', text: 'update on usage-based billing: beta extended to June' },
    { name: 'thanks', text: 'thanks for the update on SCIM!' },
    { name: 'no update', text: 'no update from me' },
    { name: 'an answer with an ETA', text: 'ETA for the invoice redesign is end of month' },
    { name: 'a person arriving', text: 'ETA 10 min, stuck in traffic' },
    { name: 'a person out', text: 'is <@U123ABC> out today?' },
    { name: 'a person on a webinar', text: 'is Ahmed live on the webinar yet?' },
    { name: 'a promise to tell', text: "I'll let you know when salesforce sync v2 ships" },
    { name: 'a condition', text: 'when faster search ships we need to update the screenshots' },
    { name: 'packaging, not progress', text: 'is SCIM provisioning available on the Starter plan?' },
    { name: 'a deal', text: "what's the status of the Globex deal?" },
    { name: 'an event', text: 'do we have a date for the offsite yet?' },
    { name: 'changing a status', text: 'how do I change the status of an invoice from draft to open?' },
    { name: 'a running job', text: "when will the export be ready? it's been spinning for 20 minutes" },
    { name: 'someone shipping a parcel', text: 'has Chris shipped the laptop back yet?' },
    { name: 'a greeting', text: "how's it going?" },
    { name: "someone's own export", text: 'when will my export be ready?' },
    { name: 'an event about a feature', text: 'when does the webinar on usage-based billing go live?' },
  ];
  it.each(lookAlikes)('$name: "$text"', ({ text }) => {
    expect(detectStatusRequest(text)).toEqual({ isRequest: false, subject: null, pattern: null });
  });
});

describe('detectStatusRequest: Slack mrkdwn', () => {
  it('reads through a mention, a channel, a link label and emoji', () => {
    const found = detectStatusRequest(
      '<@U04PMBILL> :wave: any update on <https://linear.app/p/issue/BIL-9|usage-based billing> for <#C02|billing>? :pray:',
    );
    expect(found).toMatchObject({ isRequest: true, subject: 'usage-based billing' });
  });

  it('reads a bare link as its last path segment', () => {
    expect(detectStatusRequest('any update on <https://linear.app/prodco/issue/REP-88>?').subject).toBe(
      'rep-88',
    );
  });

  it('turns markup into what Slack shows', () => {
    expect(plainText('*bold* _it_ ~x~ &lt;3 &amp; <!here> <#C1|eng> <@U1>')).toBe(
      'bold it x <3 &   #eng @someone',
    );
  });
});
