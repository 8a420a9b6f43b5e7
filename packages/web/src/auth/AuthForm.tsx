// Owns the sign-in and setup form shell: email and password fields, the error notice and the submit button.
import { type FormEvent, type ReactNode, useState } from 'react';
import { Notice } from '../ui/Notice';
import { useAuthSubmit } from './useAuthSubmit';

export interface AuthFormProps {
  path: '/api/auth/setup' | '/api/auth/login';
  id: string;
  title: string;
  intro?: string;
  /** Setup asks for a name too. */
  withName?: boolean;
  newPassword?: boolean;
  failedTitle: string;
  submitLabel: string;
  pendingLabel: string;
}

export function AuthForm(p: AuthFormProps) {
  const submit = useAuthSubmit(p.path);
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate(p.withName ? form : { email: form.email, password: form.password });
  };
  const field = (key: keyof typeof form, label: ReactNode, input: Record<string, unknown>) => (
    <label>
      {label}
      <input {...input} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} aria-labelledby={p.id}>
        <h1 id={p.id}>{p.title}</h1>
        {p.intro ? <p>{p.intro}</p> : null}
        {p.withName ? field('name', 'Name', {}) : null}
        {field('email', 'Email', { type: 'email', required: true, autoComplete: 'username' })}
        {p.newPassword
          ? field('password', 'Password (at least 8 characters)', {
              type: 'password',
              required: true,
              minLength: 8,
              autoComplete: 'new-password',
            })
          : field('password', 'Password', {
              type: 'password',
              required: true,
              autoComplete: 'current-password',
            })}
        {submit.error ? (
          <Notice kind="error" title={p.failedTitle}>
            {submit.error.message}
          </Notice>
        ) : null}
        <button type="submit" className="primary" disabled={submit.isPending}>
          {submit.isPending ? p.pendingLabel : p.submitLabel}
        </button>
      </form>
    </main>
  );
}
