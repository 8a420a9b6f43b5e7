// Owns lending a fixed set of resources (reader connections) one caller at a time: an idle one at once, else the
// first one returned. A DuckDB connection runs one query at a time, so handing them out in turn would queue a
// query behind a long one while another connection sits idle.
export class Pool<T> {
  private readonly idle: T[];
  private readonly waiting: ((item: T) => void)[] = [];

  constructor(readonly all: readonly T[]) {
    this.idle = [...all];
  }

  async use<R>(fn: (item: T) => Promise<R>): Promise<R> {
    const item = this.idle.pop() ?? (await new Promise<T>((resolve) => this.waiting.push(resolve)));
    try {
      return await fn(item);
    } finally {
      const next = this.waiting.shift();
      if (next) next(item);
      else this.idle.push(item);
    }
  }
}
