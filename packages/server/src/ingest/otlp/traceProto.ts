// Owns the OTLP trace protobuf types, loaded once from trace.proto (protobufjs), and their enums by name.
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const root = protobuf.loadSync(fileURLToPath(new URL('./trace.proto', import.meta.url)));
const type = (name: string) => root.lookupType(`opentelemetry.proto.trace.v1.${name}`);

export const TRACE_PROTO = {
  request: type('ExportTraceServiceRequest'),
  response: type('ExportTraceServiceResponse'),
  /** SpanKind and StatusCode values by name: the JSON encoding should send integers, some senders send names. */
  spanKind: root.lookupEnum('opentelemetry.proto.trace.v1.Span.SpanKind').values,
  statusCode: root.lookupEnum('opentelemetry.proto.trace.v1.Status.StatusCode').values,
};
