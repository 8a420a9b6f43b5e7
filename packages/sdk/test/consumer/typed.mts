// Type-checks ESM use of the installed package's declarations (strict, nodenext): none of this may error.
import {
  type IngestAccepted,
  IngestError,
  LLMAnalytics,
  type LLMCall,
  type NewMessage,
  type Span,
} from '@llm-analytics/sdk';

const analytics = new LLMAnalytics({
  baseUrl: 'http://127.0.0.1:3000',
  apiKey: 'key',
  flushAt: 100,
  onError: (error: Error) => console.warn(error.message),
});
const message: NewMessage = {
  conversation_id: analytics.conversation({ user_id: 'u', is_widget_session: true }),
  role: 'assistant',
  tools_called: [{ name: 'search', success: true, duration_ms: 20 }],
  metadata: { region: 'eu' },
};
const id: string = analytics.message(message);
analytics.evaluation({ message_id: id, rating: 4, failure_tags: ['slow'] });
analytics.model({ model_id: 'llama-3-8b-dpo', training_method: 'dpo', base_model: 'llama-3-8b' });
const call: LLMCall = {
  model: 'gpt-4o',
  provider: 'openai',
  inputTokens: 3,
  input: [{ role: 'user', content: 'hi' }],
};
const sum: number = analytics.trace('sync', (span: Span) => {
  span.recordLLM(call).setAttributes({ 'app.flag': true, 'app.tags': ['a', 'b'], 'app.missing': undefined });
  return 1 + 1;
});
const text: Promise<string> = analytics.trace(
  'async',
  async (root) => root.span('tool', (span) => span.recordTool({ name: 'search', success: true }).spanId),
  { conversationId: 'c-1', userId: 'u-1', attributes: { 'http.route': '/chat' } },
);
const parent: string | null | undefined = analytics.activeSpan?.parentSpanId;
console.log(sum, await text, parent);
try {
  await analytics.shutdown();
} catch (error) {
  if (error instanceof IngestError) {
    const path: string | undefined = error.issues[0]?.path;
    const status: number | null = error.status;
    console.log(path, status, error.code);
  }
}
const accepted: IngestAccepted['accepted']['messages'] = 1;
console.log(accepted);
