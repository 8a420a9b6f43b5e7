// A plain-JavaScript ESM consumer of the installed package: one conversation, two messages, an evaluation.
import { LLMAnalytics } from '@llm-analytics/sdk';

const analytics = new LLMAnalytics({ baseUrl: process.env.LLA_URL, apiKey: process.env.LLA_KEY, flushAt: 2 });
const conversation = analytics.conversation({ user_id: 'u-esm', session_id: 's-1' });
const messages = [
  analytics.message({ conversation_id: conversation, role: 'user', content: 'hi' }),
  analytics.message({
    conversation_id: conversation,
    role: 'assistant',
    content: 'hello',
    model_id: 'llama-3-8b',
    input_tokens: 12,
    output_tokens: 30,
    latency_ms: 840,
  }),
];
const evaluation = analytics.evaluation({ message_id: messages[1], rating: 5, success: true });
await analytics.shutdown();
console.log(JSON.stringify({ conversations: [conversation], messages, evaluations: [evaluation] }));
