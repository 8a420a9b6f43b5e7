// Owns the API error envelope shared by server, SDK and web.
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
