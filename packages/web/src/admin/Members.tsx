// Owns the member list of the workspace: add (an existing user, or a new one with a password), role, remove.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/api';
import type { MemberList, Role } from '../api/types';
import { Notice } from '../ui/Notice';

const ROLES: Role[] = ['viewer', 'member', 'admin', 'owner'];

export function Members({ workspaceId }: { workspaceId: string }) {
  const qc = useQueryClient();
  const base = `/api/workspaces/${encodeURIComponent(workspaceId)}/members`;
  const members = useQuery({
    queryKey: ['members', workspaceId],
    queryFn: () => api<MemberList>('GET', base),
  });
  const [form, setForm] = useState({ email: '', role: 'viewer' as Role, password: '' });
  const done = () => qc.invalidateQueries({ queryKey: ['members', workspaceId] });
  const add = useMutation({
    mutationFn: () =>
      api('POST', base, {
        email: form.email,
        role: form.role,
        ...(form.password ? { password: form.password } : {}),
      }),
    onSuccess: () => {
      setForm({ email: '', role: 'viewer', password: '' });
      return done();
    },
  });
  const setRole = useMutation({
    mutationFn: (m: { userId: string; role: Role }) => api('PATCH', `${base}/${m.userId}`, { role: m.role }),
    onSettled: done,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api('DELETE', `${base}/${userId}`),
    onSuccess: done,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  const error = add.error ?? setRole.error ?? remove.error ?? members.error;
  return (
    <fieldset className="admin-block" data-testid="members">
      <legend>Members</legend>
      <form className="inline-form" onSubmit={submit}>
        <label>
          Email{' '}
          <input
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </label>
        <label>
          Role{' '}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          Password (new users){' '}
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        <button type="submit" disabled={add.isPending}>
          Add member
        </button>
      </form>
      {error ? (
        <Notice kind="error" title="Members">
          {error.message}
        </Notice>
      ) : null}
      <ul className="member-list">
        {(members.data?.members ?? []).map((m) => (
          <li key={m.user_id}>
            <span>
              {m.name ? `${m.name} · ` : ''}
              {m.email}
            </span>
            <select
              aria-label={`Role of ${m.email}`}
              value={m.role}
              onChange={(e) => setRole.mutate({ userId: m.user_id, role: e.target.value as Role })}
            >
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
            <button type="button" className="link" onClick={() => remove.mutate(m.user_id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
