// Owns the shape of the dashboard's user-controlled state and its defaults.

export type RangePreset = '7d' | '30d' | '90d' | 'all';
export type Tristate<A extends string, B extends string> = 'all' | A | B;

export interface FilterState {
  ratings: number[];
  models: string[];
  providers: string[];
  success: Tristate<'success', 'failure'>;
  trainingMethods: string[];
  sessions: string[];
  widget: Tristate<'widget', 'normal'>;
  /** Cohort ids: the messages of their members (the `cohort` filter). */
  cohorts: string[];
}

export interface DashboardState {
  range: RangePreset | 'custom';
  customFrom: string;
  customTo: string;
  compare: boolean;
  autoRefresh: boolean;
  refreshSeconds: number;
  filters: FilterState;
  /** Panel and section collapse states by id; `true` means collapsed. */
  collapsed: Record<string, boolean>;
}

export const EMPTY_FILTERS: FilterState = {
  ratings: [],
  models: [],
  providers: [],
  success: 'all',
  trainingMethods: [],
  sessions: [],
  widget: 'all',
  cohorts: [],
};

export function defaultState(): DashboardState {
  const to = new Date();
  const from = new Date(to.getTime() - 14 * 86_400_000);
  return {
    range: '30d',
    customFrom: from.toISOString().slice(0, 10),
    customTo: to.toISOString().slice(0, 10),
    compare: true,
    autoRefresh: false,
    refreshSeconds: 60,
    filters: EMPTY_FILTERS,
    collapsed: { filters: true, settings: true, admin: true },
  };
}
