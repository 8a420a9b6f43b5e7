// Owns the API key list of the workspace: create (the secret is shown once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/api';
import type { ApiKeyList, CreatedApiKey, Scope } from '../api/types';
import { Notice } from '../ui/Notice';

export function ApiKeys() {
  const qc = useQueryClient();
  const keys = useQuery({
    queryKey: ['keys'],
    queryFn: () => api<ApiKeyList>('GET', '/api/keys'),
  });
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('ingest');
  const create = useMutation({
    mutationFn: () => api<CreatedApiKey>('POST', '/api/keys', { scope, name: name || undefined }),
    onSuccess: () => {
      setName('');
      return qc.invalidateQueries({ queryKey: ['keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/keys/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['keys'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const live = (keys.data?.keys ?? []).filter((k) => !k.revoked_at);
  return (
    <fieldset className="admin-block" data-testid="api-keys">
      <legend>API keys</legend>
      <form className="inline-form" onSubmit={submit}>
        <label>
          Name{' '}
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. production app" />
        </label>
        <label>
          Scope{' '}
          <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            <option value="ingest">ingest</option>
            <option value="read">read</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <button type="submit" disabled={create.isPending}>
          Create key
        </button>
      </form>
      {create.data ? (
        <Notice kind="info" title="Copy this key now: it is not shown again">
          <code className="secret" data-testid="new-key">
            {create.data.key}
          </code>
        </Notice>
      ) : null}
      {create.error || revoke.error ? (
        <Notice kind="error" title="The key change failed">
          {(create.error ?? revoke.error)?.message}
        </Notice>
      ) : null}
      {keys.error ? (
        <Notice kind="error" title="Could not load API keys">
          {keys.error.message}
        </Notice>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scope</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((k) => (
              <tr key={k.id}>
                <td>{k.name ?? '—'}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{k.scope}</td>
                <td>{k.last_used_at ? new Date(k.last_used_at).toLocaleString() : 'never'}</td>
                <td>
                  <button type="button" className="link" onClick={() => revoke.mutate(k.id)}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
