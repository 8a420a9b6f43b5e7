// Owns the one HTTP client: JSON in/out, the {error:{code,message}} envelope, workspace and CSRF headers.
import type { ApiErrorBody, ValidationIssue } from '@llm-analytics/core';
import type { AnalyticsQuery, QueryResult } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The invalid fields of a 400 (`{path, message}`), to show each message at its field. */
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const headersState: { workspaceId: string | null; csrf: string | null } = { workspaceId: null, csrf: null };

/** Set once the session is known: every later request carries the workspace and, on mutations, the token. */
export function configureApi(workspaceId: string | null, csrf: string | null): void {
  headersState.workspaceId = workspaceId;
  headersState.csrf = csrf;
}

async function send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (headersState.workspaceId) headers['x-workspace-id'] = headersState.workspaceId;
  if (method !== 'GET' && headersState.csrf) headers['x-csrf-token'] = headersState.csrf;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', `cannot reach the server (${(e as Error).message})`);
  }
}

export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(method, path, body, signal);
  const text = await res.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      if (res.ok)
        throw new ApiError(res.status, 'invalid_response', 'the server sent a reply that is not JSON');
    }
  }
  if (!res.ok) throw errorOf(res, json);
  return json as T;
}

function errorOf(res: Response, json: unknown): ApiError {
  const err = (json as Partial<ApiErrorBody> | null)?.error;
  return new ApiError(
    res.status,
    err?.code ?? `http_${res.status}`,
    err?.message ?? res.statusText,
    err?.issues,
  );
}

/** GETs a file (a download) as a Blob, with the same workspace header as every other request. */
export async function apiBlob(path: string): Promise<Blob> {
  const res = await send('GET', path);
  if (res.ok) return res.blob();
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {}
  throw errorOf(res, json);
}

export const runQuery = (q: AnalyticsQuery, signal?: AbortSignal): Promise<QueryResult> =>
  api<QueryResult>('POST', '/api/analytics/query', q, signal);
