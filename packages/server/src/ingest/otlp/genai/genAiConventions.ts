// Owns the GenAI mapping as data: per instrumentation convention, which spans are LLM or tool calls and which
// attributes give each field of the derived message (docs/otel-genai.md is rendered from this table).

/** A field of the derived assistant message (or tool call) that a span's attributes can give. */
export type GenAiField =
  | 'model'
  | 'provider'
  | 'input_tokens'
  | 'output_tokens'
  | 'conversation_id'
  | 'user_id'
  | 'error_type'
  | 'input'
  | 'output'
  | 'tool_name';

export const FIELD_DOCS: Record<GenAiField, string> = {
  model: 'message `model_id` (the response model first, else the requested one)',
  provider: 'message `provider` (lowercased; `openai.chat` → `openai`)',
  input_tokens: 'message `input_tokens`',
  output_tokens: 'message `output_tokens`',
  conversation_id: 'message `conversation_id` (else the trace id)',
  user_id: 'conversation `user_id` (when the conversation is new)',
  error_type:
    'message `error_type` (else the exception event’s `exception.type`, else `span_error` on an ERROR status)',
  input: 'shown with the span (the prompt); not stored on the message',
  output: 'message `content` (text parts joined)',
  tool_name: 'a tool call’s `name` in `tools_called` of the LLM message it follows',
};

export type ConventionId = 'vercel_ai' | 'openinference' | 'gen_ai';

export interface Convention {
  id: ConventionId;
  title: string;
  /** The attribute whose presence says the span follows this convention (a prefix when it ends in `.`). */
  marker: string;
  /** When the span is an LLM call (its marker present), in words for the docs. */
  llmRule: string;
  toolRule: string;
  isLlm(a: Attrs): boolean;
  isTool(a: Attrs): boolean;
  /** Attributes read for each field, first present wins. */
  fields: Partial<Record<GenAiField, readonly string[]>>;
}

export type Attrs = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

const VERCEL_LLM = [
  'ai.generateText.doGenerate',
  'ai.streamText.doStream',
  'ai.generateObject.doGenerate',
  'ai.streamObject.doStream',
];
const GEN_AI_LLM = ['chat', 'text_completion', 'generate_content'];

/** Checked in this order: the Vercel AI SDK also sets `gen_ai.*` on its provider calls. */
export const CONVENTIONS: readonly Convention[] = [
  {
    id: 'vercel_ai',
    title: 'Vercel AI SDK (`experimental_telemetry`)',
    marker: 'ai.operationId',
    llmRule: `\`ai.operationId\` is one of ${VERCEL_LLM.map((v) => `\`${v}\``).join(', ')} (the provider call; the \`ai.generateText\` / \`ai.streamText\` wrapper around it is not counted)`,
    toolRule: '`ai.operationId` is `ai.toolCall`',
    isLlm: (a) => VERCEL_LLM.includes(str(a['ai.operationId']) ?? ''),
    isTool: (a) => a['ai.operationId'] === 'ai.toolCall',
    fields: {
      model: ['ai.response.model', 'gen_ai.response.model', 'ai.model.id', 'gen_ai.request.model'],
      provider: ['ai.model.provider', 'gen_ai.system'],
      input_tokens: ['ai.usage.inputTokens', 'ai.usage.promptTokens', 'gen_ai.usage.input_tokens'],
      output_tokens: ['ai.usage.outputTokens', 'ai.usage.completionTokens', 'gen_ai.usage.output_tokens'],
      conversation_id: ['ai.telemetry.metadata.conversationId', 'ai.telemetry.metadata.sessionId'],
      user_id: ['ai.telemetry.metadata.userId'],
      input: ['ai.prompt.messages', 'ai.prompt'],
      output: ['ai.response.text', 'ai.response.object'],
      tool_name: ['ai.toolCall.name'],
    },
  },
  {
    id: 'openinference',
    title: 'OpenInference (Arize Phoenix instrumentations)',
    marker: 'openinference.span.kind',
    llmRule: '`openinference.span.kind` is `LLM` (CHAIN, AGENT, RETRIEVER … spans are not messages)',
    toolRule: '`openinference.span.kind` is `TOOL`',
    isLlm: (a) => str(a['openinference.span.kind'])?.toUpperCase() === 'LLM',
    isTool: (a) => str(a['openinference.span.kind'])?.toUpperCase() === 'TOOL',
    fields: {
      model: ['llm.model_name'],
      provider: ['llm.provider', 'llm.system'],
      input_tokens: ['llm.token_count.prompt'],
      output_tokens: ['llm.token_count.completion'],
      conversation_id: ['session.id'],
      user_id: ['user.id'],
      error_type: ['error.type'],
      input: ['input.value'],
      output: ['llm.output_messages.0.message.content', 'output.value'],
      tool_name: ['tool.name'],
    },
  },
  {
    id: 'gen_ai',
    title: 'OpenTelemetry GenAI semantic conventions (and OpenLLMetry’s older names)',
    marker: 'gen_ai.',
    llmRule: `\`gen_ai.operation.name\` is ${GEN_AI_LLM.map((v) => `\`${v}\``).join(', ')}; or, when it is absent (older instrumentations), \`gen_ai.request.model\` or \`gen_ai.system\` is set (\`invoke_agent\`, \`embeddings\` … spans are not messages)`,
    toolRule: '`gen_ai.operation.name` is `execute_tool`',
    isLlm: (a) => {
      const op = str(a['gen_ai.operation.name']);
      if (op !== undefined) return GEN_AI_LLM.includes(op);
      return str(a['gen_ai.request.model']) !== undefined || str(a['gen_ai.system']) !== undefined;
    },
    isTool: (a) => a['gen_ai.operation.name'] === 'execute_tool',
    fields: {
      model: ['gen_ai.response.model', 'gen_ai.request.model'],
      provider: ['gen_ai.provider.name', 'gen_ai.system'],
      input_tokens: ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens'],
      output_tokens: ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens'],
      conversation_id: ['gen_ai.conversation.id', 'session.id'],
      user_id: ['user.id', 'enduser.id'],
      error_type: ['error.type'],
      input: ['gen_ai.input.messages', 'gen_ai.prompt.0.content', 'gen_ai.prompt'],
      output: ['gen_ai.output.messages', 'gen_ai.completion.0.content', 'gen_ai.completion'],
      tool_name: ['gen_ai.tool.name'],
    },
  },
];

/** Span events that carry the prompt or completion in older GenAI instrumentations (attribute → field). */
export const CONTENT_EVENTS: readonly { event: string; attribute: string; field: 'input' | 'output' }[] = [
  { event: 'gen_ai.content.prompt', attribute: 'gen_ai.prompt', field: 'input' },
  { event: 'gen_ai.content.completion', attribute: 'gen_ai.completion', field: 'output' },
  { event: 'gen_ai.choice', attribute: 'message', field: 'output' },
];

export const markerPresent = (c: Convention, a: Attrs): boolean =>
  c.marker.endsWith('.') ? Object.keys(a).some((k) => k.startsWith(c.marker)) : a[c.marker] !== undefined;
