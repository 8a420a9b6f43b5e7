// Owns one span while it runs: its ids, attributes, events and status, the GenAI helpers, and nesting children.
import { type LLMCall, llmAttributes, type ToolCall, toolAttributes } from './genai.ts';
import {
  type Attributes,
  type AttributeValue,
  type FinishedSpan,
  mergeAttributes,
  SPAN_KIND,
  STATUS_CODE,
} from './otlpJson.ts';

export interface SpanOptions {
  attributes?: Attributes;
  /** `gen_ai.conversation.id` of this span; LLM calls recorded in it and in spans below it default to it. */
  conversationId?: string;
  /** `user.id` of this span; LLM calls recorded in it and in spans below it carry it too. */
  userId?: string;
}

/** What a span needs from the tracer that made it. */
export interface SpanHost {
  /** Runs `fn` in a new span under `parent` (a new trace when null). */
  start<T>(name: string, parent: Span | null, fn: (span: Span) => T, options: SpanOptions | undefined): T;
  /** Takes a span that has ended. */
  finish(span: FinishedSpan): void;
  /** Nanoseconds since the Unix epoch. */
  now(): bigint;
  /** A random non-zero id of `bytes` bytes, as hex. */
  id(bytes: number): string;
}

/**
 * A span made by `trace()` or `span()`. It ends when the function it wraps returns (or its promise settles);
 * changes made after that are ignored.
 */
export class Span {
  readonly traceId: string;
  readonly spanId: string;
  /** Null for the root span of a trace. */
  readonly parentSpanId: string | null;
  readonly name: string;
  /** This span's conversation id, or the nearest enclosing span's. */
  readonly conversationId: string | undefined;
  /** This span's user id, or the nearest enclosing span's. */
  readonly userId: string | undefined;
  private readonly host: SpanHost;
  private readonly startNs: bigint;
  private readonly attributes = new Map<string, AttributeValue>();
  private readonly events: FinishedSpan['events'][number][] = [];
  private kind: number = SPAN_KIND.internal;
  private status: FinishedSpan['status'] = { code: STATUS_CODE.unset, message: null };
  private ended = false;

  /** Spans are made by `trace()` and `span()`, never directly. */
  constructor(host: SpanHost, name: string, parent: Span | null, options: SpanOptions = {}) {
    this.host = host;
    this.name = name;
    this.traceId = parent ? parent.traceId : host.id(16);
    this.spanId = host.id(8);
    this.parentSpanId = parent ? parent.spanId : null;
    this.conversationId = options.conversationId ?? parent?.conversationId;
    this.userId = options.userId ?? parent?.userId;
    this.startNs = host.now();
    mergeAttributes(this.attributes, {
      'gen_ai.conversation.id': options.conversationId,
      'user.id': options.userId,
      ...options.attributes,
    });
  }

  setAttribute(key: string, value: AttributeValue | null | undefined): this {
    return this.setAttributes({ [key]: value });
  }

  setAttributes(attributes: Attributes): this {
    if (!this.ended) mergeAttributes(this.attributes, attributes);
    return this;
  }

  addEvent(name: string, attributes?: Attributes): this {
    if (this.ended) return this;
    const map = new Map<string, AttributeValue>();
    mergeAttributes(map, attributes);
    this.events.push({ name, timeNs: this.host.now(), attributes: map });
    return this;
  }

  /** `ok` or `error` (with a message); an unset status means the span ended without either. */
  setStatus(status: 'ok' | 'error', message?: string): this {
    if (!this.ended) {
      this.status = { code: STATUS_CODE[status], message: status === 'error' ? (message ?? null) : null };
    }
    return this;
  }

  /** Status ERROR with the error's message, and an `exception` event (`exception.type`, `.message`, `.stacktrace`). */
  recordException(error: unknown): this {
    const e = error instanceof Error ? error : null;
    const message = e ? e.message : String(error);
    this.addEvent('exception', {
      'exception.type': e ? e.name : typeof error,
      'exception.message': message,
      'exception.stacktrace': e?.stack,
    });
    return this.setStatus('error', message);
  }

  /**
   * Marks this span as a chat call to a model with the OpenTelemetry GenAI attributes (`gen_ai.operation.name`
   * `chat`, provider, request and response model, token usage, conversation id, input and output messages).
   */
  recordLLM(call: LLMCall): this {
    this.setAttributes(llmAttributes(call, this.conversationId, this.userId));
    if (!this.ended) this.kind = SPAN_KIND.client;
    return this;
  }

  /** Marks this span as a tool execution (`gen_ai.operation.name` `execute_tool`); failure sets status ERROR. */
  recordTool(call: ToolCall): this {
    this.setAttributes(toolAttributes(call));
    if (!call.success) this.setStatus('error', call.error ?? `tool ${call.name} failed`);
    return this;
  }

  /** Runs `fn` in a child span of this one, whichever span is current. */
  span<T>(name: string, fn: (span: Span) => T, options?: SpanOptions): T {
    return this.host.start(name, this, fn, options);
  }

  /** Ends the span (the functions that make spans call it); later calls do nothing. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.host.finish({
      traceId: this.traceId,
      spanId: this.spanId,
      parentSpanId: this.parentSpanId,
      name: this.name,
      kind: this.kind,
      startNs: this.startNs,
      endNs: this.host.now(),
      attributes: this.attributes,
      events: this.events,
      status: this.status,
    });
  }
}
