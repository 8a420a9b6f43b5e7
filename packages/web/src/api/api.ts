// Owns the one HTTP client: JSON in/out, the {error:{code,message}} envelope, workspace and CSRF headers.
import type { AnalyticsQuery, QueryResult, ValidationIssue } from './types';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field-level problems of a 400 `validation_failed`, with paths like `variants[1].name`. */
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

export async function api<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (headersState.workspaceId) headers['x-workspace-id'] = headersState.workspaceId;
  if (method !== 'GET' && headersState.csrf) headers['x-csrf-token'] = headersState.csrf;
  let res: Response;
  try {
    res = await fetch(path, {
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
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; issues?: ValidationIssue[] } } | null)
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? res.statusText,
      Array.isArray(err?.issues) ? err.issues : [],
    );
  }
  return json as T;
}

export const runQuery = (q: AnalyticsQuery, signal?: AbortSignal): Promise<QueryResult> =>
  api<QueryResult>('POST', '/api/analytics/query', q, signal);
