// Type-checks CommonJS use of the installed package's declarations (the `require` condition's .d.cts).
import { LLMAnalytics, type NewEvaluation } from '@llm-analytics/sdk';

const evaluation: NewEvaluation = { message_id: 'm', success: false };
new LLMAnalytics({ baseUrl: 'http://127.0.0.1:3000', apiKey: 'key' }).evaluation(evaluation);
