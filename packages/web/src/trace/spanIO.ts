// Owns finding a span's input and output among its attributes (OpenTelemetry GenAI, OpenInference, Vercel AI
// SDK names), pretty-printed when they hold JSON.

const INPUT_KEYS = [
  'gen_ai.input.messages',
  'input.value',
  'ai.prompt.messages',
  'ai.prompt',
  'gen_ai.prompt',
];
const OUTPUT_KEYS = [
  'gen_ai.output.messages',
  'output.value',
  'ai.response.text',
  'ai.response.object',
  'gen_ai.completion',
];

export interface SpanText {
  key: string;
  text: string;
}

function pretty(v: unknown): string {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        return JSON.stringify(JSON.parse(t), null, 2);
      } catch {
        // not JSON after all: show it as sent
      }
    }
    return v;
  }
  return JSON.stringify(v, null, 2);
}

const first = (attrs: Record<string, unknown>, keys: string[]): SpanText | null => {
  for (const key of keys) {
    const v = attrs[key];
    if (v !== undefined && v !== null && v !== '') return { key, text: pretty(v) };
  }
  return null;
};

export function spanIO(attrs: Record<string, unknown>): { input: SpanText | null; output: SpanText | null } {
  return { input: first(attrs, INPUT_KEYS), output: first(attrs, OUTPUT_KEYS) };
}
