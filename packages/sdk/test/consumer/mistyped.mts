// Wrong uses of the installed package: every line marked "type error" must fail the type check, no other line.
import { LLMAnalytics } from '@llm-analytics/sdk';

const analytics = new LLMAnalytics({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'key' });
analytics.message({ conversation_id: 'c', role: 'robot' }); // type error
analytics.evaluation({ message_id: 'm', rating: '5' }); // type error
analytics.conversation({ user_id: 'u', colour: 'red' }); // type error
analytics.model({ name: 'no model_id' }); // type error
new LLMAnalytics({ baseUrl: 'http://127.0.0.1:3000' }); // type error
analytics.trace('t', (span) => span.recordLLM({ model: 'gpt-4o' })); // type error
analytics.trace('t', (span) => span.recordTool({ name: 'search' })); // type error
analytics.trace('t', (span) => span.setAttributes({ nested: { no: 1 } })); // type error
analytics.evaluation({ message_id: 'm', rating: analytics.trace('t', async () => 4) }); // type error
