// Owns the words for OTLP's span kinds and status codes.

const KINDS = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUSES = ['unset', 'ok', 'error'];

export const spanKindLabel = (kind: number): string => KINDS[kind] ?? `kind ${kind}`;
export const spanStatusLabel = (code: number): string => STATUSES[code] ?? `status ${code}`;
