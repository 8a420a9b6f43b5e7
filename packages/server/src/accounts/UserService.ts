// Owns users: creation with a hashed password, lookup, credential checks and password changes.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../http/ApiError.ts';
import type { Store } from '../store/Store.ts';
import { Mutex } from './Mutex.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { countUsers } from './queries/countUsers.ts';
import { findCredentials } from './queries/findCredentials.ts';
import { findPasswordHash } from './queries/findPasswordHash.ts';
import { findUser } from './queries/findUser.ts';
import { findUserByEmail } from './queries/findUserByEmail.ts';
import { insertUser } from './queries/insertUser.ts';
import { updatePassword } from './queries/updatePassword.ts';

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

  count(): Promise<number> {
    return countUsers(this.store);
  }

  /** Creates a user; 409 `email_taken` if the email exists. `onlyIfFirst` makes it the first-run setup. */
  async create(input: { email: string; password: string; name?: string | null }, onlyIfFirst = false) {
    const email = normalizeEmail(input.email);
    const passwordHash = await hashPassword(input.password);
    // The checks read in the insert's transaction (and the lock orders this process's creations).
    return this.lock.run(() =>
      this.store.transaction(async (tx) => {
        if (onlyIfFirst && (await countUsers(tx)) > 0) {
          throw new ApiError(409, 'setup_done', 'setup is already done: sign in instead');
        }
        if (await findUserByEmail(tx, email)) {
          throw new ApiError(409, 'email_taken', 'a user with this email already exists');
        }
        const id = randomUUID();
        await insertUser(tx, { id, email, name: input.name ?? null, passwordHash });
        return (await findUser(tx, id))!;
      }),
    );
  }

  get(id: string): Promise<User | null> {
    return findUser(this.store, id);
  }

  findByEmail(email: string): Promise<User | null> {
    return findUserByEmail(this.store, normalizeEmail(email));
  }

  /** The user when email and password match, else null — in about the same time either way. */
  async verifyCredentials(email: string, password: string): Promise<User | null> {
    const found = await findCredentials(this.store, normalizeEmail(email));
    const ok = await verifyPassword(password, found?.password_hash ?? null);
    return ok && found ? this.get(found.id) : null;
  }

  async checkPassword(userId: string, password: string): Promise<boolean> {
    return verifyPassword(password, await findPasswordHash(this.store, userId));
  }

  async setPassword(userId: string, password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.store.transaction((tx) => updatePassword(tx, userId, passwordHash));
  }
}
