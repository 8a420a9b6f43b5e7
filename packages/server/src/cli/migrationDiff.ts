// Owns `llm-analytics migration-diff`: after running the migrations, what the catalogue declares that they do
// not make, as the statements of the next step to add to store/migrations.ts.
import type { Config } from '../config.ts';
import { openStore } from '../openStore.ts';
import { columnSteps } from '../store/columnSteps.ts';
import { liveColumns } from '../store/liveColumns.ts';

/** Prints the diff; returns the exit code: 0 when migrations and catalogue agree, 1 when a step is needed. */
export async function migrationDiff(config: Config): Promise<number> {
  const store = await openStore(config);
  try {
    const steps = columnSteps(store.dialect, await liveColumns(store));
    if (steps.add.length === 0 && steps.extra.length === 0) {
      console.log(`migrations and catalogue agree (${store.dialect})`);
      return 0;
    }
    if (steps.add.length > 0) {
      console.log(`-- ${store.dialect}: the catalogue declares what the migrations do not make. A new step:`);
      for (const sql of steps.add) console.log(`${sql};`);
      console.log('-- Carried copies start null: backfill them from their parent in the same step.');
    }
    if (steps.extra.length > 0) {
      console.log(`-- columns no catalogue entry declares: ${steps.extra.join(', ')}`);
    }
    return 1;
  } finally {
    await store.close();
  }
}
