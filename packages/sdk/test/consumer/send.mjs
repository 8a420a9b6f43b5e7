// A plain-JavaScript ESM consumer of the installed package: one conversation, two messages, an evaluation, and a
// trace of two spans.
import { assignVariant, LLMAnalytics } from '@llm-analytics/sdk';

const analytics = new LLMAnalytics({ baseUrl: process.env.LLA_URL, apiKey: process.env.LLA_KEY, flushAt: 2 });
// The conversation records its experiment and the variant the user was assigned.
const { conversationId: conversation, variant } = analytics.experimentConversation(
  'checkout copy',
  ['control', 'short'],
  {
    user_id: 'u-esm',
  },
);
const weighted = assignVariant('checkout copy', 'u-esm', ['control', 'short'], [1, 3]);
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
const spans = await analytics.trace(
  'answer',
  async (root) => {
    const child = await analytics.span('chat llama-3-8b', async (llm) => {
      llm.recordLLM({ model: 'llama-3-8b', provider: 'runpod', inputTokens: 12, outputTokens: 30 });
      return llm.spanId;
    });
    return [root.spanId, child];
  },
  { conversationId: conversation },
);
await analytics.shutdown();
console.log(
  JSON.stringify({
    conversations: [conversation],
    messages,
    evaluations: [evaluation],
    spans,
    variant,
    weighted,
  }),
);
