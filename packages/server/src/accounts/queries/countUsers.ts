// Owns counting users (first-run setup is allowed while there are none).
import type { Db } from '../../store/Store.ts';

export async function countUsers(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>('SELECT count(*) AS n FROM users');
  return Number(r.n);
}
