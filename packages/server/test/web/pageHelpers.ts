// Owns the page-level helpers of the dashboard browser tests: signing in, waiting for charts, calling the API as
// the user.
import type { Page } from 'playwright-core';
import { KPIS } from '../../../web/src/widgets/kpis.ts';
import { SECTIONS } from '../../../web/src/widgets/sections.ts';
import { widgetsOf } from '../../../web/src/widgets/widgets.ts';

/** Every declared widget's id (packages/web/src/widgets/widgets.ts), in page order. */
export const ALL_CHARTS = SECTIONS.flatMap((s) => widgetsOf(s.id).map((w) => w.id));

/** Every KPI card's metric, in the row's order. */
export const KPI_METRICS = KPIS.map((k) => k.metric);

/**
 * Waits until every chart of `ids` has settled and nothing is fetching: error or empty, or ready with its
 * content drawn (a canvas ECharts has sized, a table row or a list item).
 */
export async function waitForCharts(page: Page, ids: string[] = ALL_CHARTS, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (list) =>
      list.every((id) => {
        const card = document.querySelector(`[data-testid="chart-${id}"]`);
        if (card?.querySelector('[data-state="empty"],[data-state="error"]')) return true;
        const ready = card?.querySelector('[data-state="ready"]');
        const canvas = ready?.querySelector('canvas') as HTMLCanvasElement | null | undefined;
        return Boolean((canvas && canvas.width > 0) || ready?.querySelector('tbody tr, li'));
      }) && !document.querySelector('[aria-busy="true"]'),
    ids,
    { timeout },
  );
}

/** The state of each chart: ready, empty, error or missing. */
export function chartStates(page: Page, ids: string[] = ALL_CHARTS): Promise<Record<string, string>> {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((id) => {
          const el = document.querySelector(`[data-testid="chart-${id}"] [data-state]`);
          return [id, el?.getAttribute('data-state') ?? 'missing'];
        }),
      ),
    ids,
  );
}

/** Calls the API from the page, with the session cookie, the workspace and the CSRF token. */
export function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const r = await fetch(path, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': session.csrf_token,
          'x-workspace-id': session.workspaces[0].id,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.status === 204 ? null : r.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** The raw value a KPI card shows (its data-value attribute). */
export async function kpiValue(page: Page, metric: string): Promise<number | null> {
  const v = await page.getAttribute(`[data-testid="kpi-${metric}"]`, 'data-value');
  return v === null || v === '' ? null : Number(v);
}

/** Waits until the KPI row is not fetching and holds fresh (non-placeholder) data. */
export async function waitForKpis(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const k = document.querySelector('[data-testid="kpis"]');
    return k && k.getAttribute('aria-busy') !== 'true' && !k.querySelector('.stale,[role="progressbar"]');
  });
}

/** Opens the dashboard at `url` and signs in as `who`, waiting for the dashboard's heading. */
export async function signIn(
  page: Page,
  url: string,
  who: { email: string; password: string },
): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Sign in to LLM Analytics' }).waitFor();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Analytics', exact: true }).waitFor();
}
