// Owns users: creation with a hashed password, lookup, credential checks and password changes.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../http/ApiError.ts';
import type { Store } from '../store/Store.ts';
import { Mutex } from './Mutex.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface User {
  id: string;
  email: string;
  name: string | null;
  created_at: string;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export class UserService {
  // Email uniqueness is a check-then-insert: serialised here (DuckDB has no UNIQUE), a unique index on PG.
  private readonly lock = new Mutex();

  constructor(private readonly store: Store) {}

  async count(): Promise<number> {
    const [r] = await this.store.query<{ n: number }>('SELECT count(*) AS n FROM users');
    return Number(r.n);
  }

  /** Creates a user; 409 `email_taken` if the email exists. `onlyIfFirst` makes it the first-run setup. */
  async create(input: { email: string; password: string; name?: string | null }, onlyIfFirst = false) {
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    return this.lock.run(async () => {
      if (onlyIfFirst && (await this.count()) > 0) {
        throw new ApiError(409, 'setup_done', 'setup is already done: sign in instead');
      }
      if (await this.findByEmail(email)) {
        throw new ApiError(409, 'email_taken', 'a user with this email already exists');
      }
      const id = randomUUID();
      await this.store.query(
        `INSERT INTO users (id, email, name, password_hash, created_at, password_changed_at)
         VALUES ($1, $2, $3, $4, now(), now())`,
        [id, email, input.name ?? null, passwordHash],
      );
      return (await this.get(id))!;
    });
  }

  async get(id: string): Promise<User | null> {
    const rows = await this.store.query<User & Record<string, unknown>>(
      'SELECT id, email, name, created_at FROM users WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const rows = await this.store.query<User & Record<string, unknown>>(
      'SELECT id, email, name, created_at FROM users WHERE email = $1',
      [normalizeEmail(email)],
    );
    return rows[0] ?? null;
  }

  /** The user when email and password match, else null — in about the same time either way. */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    const rows = await this.store.query<{ id: string; password_hash: string }>(
      'SELECT id, password_hash FROM users WHERE email = $1',
      [normalizeEmail(email)],
    );
    const ok = await verifyPassword(password, rows[0]?.password_hash ?? null);
    return ok && rows[0] ? this.get(rows[0].id) : null;
  }

  async checkPassword(userId: string, password: string): Promise<boolean> {
    const rows = await this.store.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [userId],
    );
    return verifyPassword(password, rows[0]?.password_hash ?? null);
  }

  async setPassword(userId: string, password: string): Promise<void> {
    await this.store.query('UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1', [
      userId,
      await hashPassword(password),
    ]);
  }
}
