// Owns the demo's message texts: user turns whose wording carries a clear positive, neutral or negative
// sentiment (so sentiment analysis has something real to find) and plausible assistant answers.
// Texts are assembled from small fragment lists, which keeps them varied while costing only a few string joins.
import type { Rng } from './Rng.ts';

export type Sentiment = 'positive' | 'neutral' | 'negative';

interface Topic {
  question: string;
  followUp: string;
  answer: string;
}

const TOPICS: readonly Topic[] = [
  {
    question: 'how do I reset my password if I no longer have access to my email?',
    followUp: 'what if the recovery code has expired?',
    answer:
      'you can reset it from Settings → Security using a recovery code, or ask an admin to send a reset link',
  },
  {
    question: 'can you summarise the attached quarterly report in five bullet points?',
    followUp: 'can you make the third bullet more specific?',
    answer:
      'here are the five key points: revenue grew 12%, churn fell, two regions missed target, costs rose, and',
  },
  {
    question: 'where is my order #48213? It was supposed to arrive on Monday.',
    followUp: 'can you check whether it left the warehouse?',
    answer: 'order #48213 left the warehouse on Friday and is with the carrier; the new estimate is Thursday',
  },
  {
    question: 'write a SQL query that returns the top 10 customers by revenue this year.',
    followUp: 'now group it by region as well.',
    answer:
      'SELECT customer_id, SUM(amount) AS revenue FROM orders WHERE created_at >= date_trunc(...) GROUP BY 1',
  },
  {
    question: 'how do I upgrade from the Starter plan to Pro, and is it prorated?',
    followUp: 'does the discount code still apply after upgrading?',
    answer:
      'go to Billing → Plan and choose Pro; the remaining days of your Starter plan are credited pro rata',
  },
  {
    question: 'translate this paragraph into German, keeping a formal tone.',
    followUp: 'use "Sie" consistently, please.',
    answer: 'Sehr geehrte Damen und Herren, wir freuen uns, Ihnen mitteilen zu können, dass',
  },
  {
    question: 'why does my Python script raise KeyError: "user_id" when the API returns an empty list?',
    followUp: 'how would I guard against that with a default value?',
    answer:
      'the loop indexes row["user_id"] even when the response is empty; use row.get("user_id") or check first',
  },
  {
    question: 'draft a polite reply to a customer asking for a refund after 45 days.',
    followUp: 'make it shorter and offer store credit instead.',
    answer:
      'Hi Sam, thank you for reaching out. Our refund window is 30 days, but we would be happy to offer',
  },
  {
    question: 'what are the API rate limits on the Team plan?',
    followUp: 'is there a burst allowance?',
    answer:
      'the Team plan allows 600 requests per minute per key with a burst of up to 100 requests per second',
  },
  {
    question: 'explain the difference between fine-tuning with SFT and with DPO.',
    followUp: 'which one needs less labelled data?',
    answer:
      'SFT imitates reference answers, while DPO learns from preferred vs rejected pairs without a reward model',
  },
];

const NEUTRAL_OPENERS = ['', 'Hi, ', 'Hello, ', 'Quick question: ', 'Hey, ', 'Question — '];
const POSITIVE_FIRST = [
  'Hi! Love the new assistant, ',
  'Hello, you were really helpful last time! ',
  'Hey 🙂 ',
];
const NEGATIVE_FIRST = [
  'Third time asking and still no answer. ',
  'Your support is really frustrating. ',
  'This is getting ridiculous — ',
];
const POSITIVE_FOLLOW = [
  'Thanks, that worked perfectly!',
  'Great answer, exactly what I needed. 🙏',
  'Awesome, this is super helpful, thank you!',
  'Perfect, really appreciate the quick and clear help.',
  'That fixed it — you saved me hours, thanks a lot!',
];
const NEGATIVE_FOLLOW = [
  "That's wrong. This is useless.",
  'No, that is not what I asked. Terrible answer.',
  'This made things worse, I am really disappointed.',
  'Completely incorrect again. Very frustrating and a waste of my time.',
  'Stop making things up. That order number does not even exist!',
];
const NEUTRAL_FOLLOW = ['OK. ', 'Got it. ', 'I see. ', 'Understood. ', 'Alright, next: ', ''];

/** A user turn. The first turn asks the topic's question; later turns react to the previous answer. */
export function userContent(rng: Rng, topicIndex: number, turn: number, sentiment: Sentiment): string {
  const topic = TOPICS[topicIndex];
  if (turn === 0) {
    if (sentiment === 'positive') return rng.pick(POSITIVE_FIRST) + topic.question;
    if (sentiment === 'negative') return rng.pick(NEGATIVE_FIRST) + topic.question;
    return rng.pick(NEUTRAL_OPENERS) + topic.question;
  }
  if (sentiment === 'positive') return `${rng.pick(POSITIVE_FOLLOW)} One more thing: ${topic.followUp}`;
  if (sentiment === 'negative') return rng.pick(NEGATIVE_FOLLOW);
  return rng.pick(NEUTRAL_FOLLOW) + topic.followUp;
}

/** An assistant answer; a poor answer reads like one (hedging or off-target), which judges can pick up. */
export function assistantContent(rng: Rng, topicIndex: number, good: boolean): string {
  const topic = TOPICS[topicIndex];
  if (good) return `Sure — ${topic.answer}. Let me know if you need anything else.`;
  // Off-target: an answer borrowed from another topic, delivered confidently.
  return rng.chance(0.5)
    ? `As of my knowledge, ${topic.answer.slice(0, 40)}… (details may vary; please verify).`
    : `Certainly! ${TOPICS[(topicIndex + 3) % TOPICS.length].answer}.`;
}

export const TOPIC_COUNT = TOPICS.length;
