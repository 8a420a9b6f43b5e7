// Owns the two OTLP/HTTP encodings of /v1/traces: their media types, decoding a request and encoding (and,
// for the test-time reply check, decoding) a response.
import type { OtlpTraceResponse } from '@llm-analytics/core';
import { ApiError } from '../../http/ApiError.ts';
import { TRACE_PROTO } from './traceProto.ts';

export interface OtlpEncoding {
  readonly mediaType: string;
  /** The request as plain objects (see spanRows); an undecodable body is a 400. */
  decodeRequest(body: Buffer): unknown;
  encodeResponse(response: OtlpTraceResponse): Buffer | OtlpTraceResponse;
}

const invalid = (what: string, e: unknown) =>
  new ApiError(400, 'invalid_body', `the body is not ${what}: ${e instanceof Error ? e.message : String(e)}`);

const protobuf: OtlpEncoding & { decodeResponse(payload: Buffer): unknown } = {
  mediaType: 'application/x-protobuf',
  decodeRequest(body) {
    try {
      // The decoded messages as they are (no toObject copy, about half the decoding time): spanRows reads
      // their Uint8Array ids and Long int64s beside JSON's hex and strings.
      return TRACE_PROTO.request.decode(body);
    } catch (e) {
      throw invalid('a protobuf ExportTraceServiceRequest', e);
    }
  },
  encodeResponse(response) {
    const message = TRACE_PROTO.response.fromObject(response);
    return Buffer.from(TRACE_PROTO.response.encode(message).finish());
  },
  decodeResponse(payload) {
    return TRACE_PROTO.response.toObject(TRACE_PROTO.response.decode(payload), { longs: Number });
  },
};

const json: OtlpEncoding = {
  mediaType: 'application/json',
  decodeRequest(body) {
    try {
      return JSON.parse(body.toString('utf8'));
    } catch (e) {
      throw invalid('JSON', e);
    }
  },
  encodeResponse: (response) => response,
};

export const OTLP_ENCODINGS = { protobuf, json };
