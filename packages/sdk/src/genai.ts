// Owns what recordLLM() and recordTool() write on a span: the OpenTelemetry GenAI semantic convention attributes.
import { InvalidRecordError } from './errors.ts';
import type { Attributes } from './otlpJson.ts';

/** A chat message; `content` is its text. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

/** One call to a model. Text given as a string is one user message (input) or one assistant message (output). */
export interface LLMCall {
  /** The model asked for (`gen_ai.request.model`). */
  model: string;
  /** `gen_ai.provider.name`, e.g. `openai`, `anthropic`, `aws.bedrock`, or your own. */
  provider: string;
  /** The model that answered (`gen_ai.response.model`); default `model`. */
  responseModel?: string;
  inputTokens?: number;
  outputTokens?: number;
  input?: string | readonly ChatMessage[];
  output?: string | readonly ChatMessage[];
  /** Why the model stopped (the output messages' `finish_reason`). Default `stop`. */
  finishReason?: string;
  /** Default: the `conversationId` of this span or the nearest enclosing span that has one. */
  conversationId?: string;
}

/** One tool execution. A failed one sets the span's status to ERROR. */
export interface ToolCall {
  name: string;
  success: boolean;
  /** `gen_ai.tool.call.id`, the id the model gave the call. */
  callId?: string;
  /** The status message of a failed call; default `tool <name> failed`. */
  error?: string;
}

function tokens(call: LLMCall, field: 'inputTokens' | 'outputTokens'): number | undefined {
  const v = call[field];
  if (v === undefined || (Number.isSafeInteger(v) && v >= 0)) return v;
  throw new InvalidRecordError('LLM call', [{ path: field, message: 'must be a non-negative integer' }]);
}

/** Messages in the semantic conventions' JSON shape: `[{role, parts: [{type: 'text', content}]}]`. */
function messages(
  value: string | readonly ChatMessage[] | undefined,
  role: ChatMessage['role'],
  finishReason: string | null,
): string | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [{ role, content: value }] : value;
  return JSON.stringify(
    list.map((m) => ({
      role: m.role,
      parts: [{ type: 'text', content: m.content }],
      ...(finishReason === null ? {} : { finish_reason: finishReason }),
    })),
  );
}

/** The GenAI attributes of a chat call (`gen_ai.operation.name` = `chat`). */
export function llmAttributes(
  call: LLMCall,
  conversationId: string | undefined,
  userId: string | undefined,
): Attributes {
  for (const field of ['model', 'provider'] as const) {
    if (typeof call[field] !== 'string' || call[field] === '')
      throw new InvalidRecordError('LLM call', [{ path: field, message: 'must be a non-empty string' }]);
  }
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': call.provider,
    'gen_ai.request.model': call.model,
    'gen_ai.response.model': call.responseModel ?? call.model,
    'gen_ai.usage.input_tokens': tokens(call, 'inputTokens'),
    'gen_ai.usage.output_tokens': tokens(call, 'outputTokens'),
    'gen_ai.conversation.id': call.conversationId ?? conversationId,
    'user.id': userId,
    'gen_ai.input.messages': messages(call.input, 'user', null),
    'gen_ai.output.messages': messages(call.output, 'assistant', call.finishReason ?? 'stop'),
  };
}

/** The GenAI attributes of a tool execution (`gen_ai.operation.name` = `execute_tool`). */
export function toolAttributes(call: ToolCall): Attributes {
  if (typeof call.name !== 'string' || call.name === '')
    throw new InvalidRecordError('tool call', [{ path: 'name', message: 'must be a non-empty string' }]);
  return {
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.tool.name': call.name,
    'gen_ai.tool.call.id': call.callId,
  };
}
