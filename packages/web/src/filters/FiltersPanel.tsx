// Owns the collapsible filter panel: rating, model, provider, success, training method, session, widget, cohort.
import { useQuery } from '@tanstack/react-query';
import { cohortsApi } from '../cohorts/cohortsApi';
import { useDashboard } from '../dashboard/DashboardContext';
import { activeFilterCount } from '../state/buildFilter';
import { EMPTY_FILTERS, type FilterState } from '../state/DashboardState';
import { CheckboxGroup } from '../ui/CheckboxGroup';
import { Collapsible } from '../ui/Collapsible';
import { RadioGroup } from '../ui/RadioGroup';
import { useDimensionValues } from './useDimensionValues';

const RATINGS = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: '★'.repeat(n) }));
const METHODS = ['base', 'sft', 'dpo', 'rlhf', 'other'].map((m) => ({ value: m, label: m.toUpperCase() }));
const asOptions = (values: string[]) => values.map((v) => ({ value: v, label: v }));

function FilterFields() {
  const { state, update } = useDashboard();
  const f = state.filters;
  const set = (patch: Partial<FilterState>) => update({ filters: { ...f, ...patch } });
  const models = useDimensionValues('model');
  const providers = useDimensionValues('provider');
  const sessions = useDimensionValues('session');
  const cohorts = useQuery({
    queryKey: ['cohorts', 'list'],
    queryFn: ({ signal }) => cohortsApi.list(signal),
    staleTime: 60_000,
  });
  return (
    <div className="filters">
      <CheckboxGroup
        legend="Rating"
        name="rating"
        options={RATINGS}
        selected={f.ratings}
        onChange={(v) => set({ ratings: v })}
      />
      <CheckboxGroup
        legend="Model"
        name="model"
        options={asOptions(models)}
        selected={f.models}
        onChange={(v) => set({ models: v })}
      />
      <CheckboxGroup
        legend="Provider"
        name="provider"
        options={asOptions(providers)}
        selected={f.providers}
        onChange={(v) => set({ providers: v })}
      />
      <RadioGroup
        legend="Success"
        name="success"
        value={f.success}
        onChange={(v) => set({ success: v })}
        options={[
          { value: 'all', label: 'All' },
          { value: 'success', label: 'Success' },
          { value: 'failure', label: 'Failure' },
        ]}
      />
      <CheckboxGroup
        legend="Training method"
        name="training_method"
        options={METHODS}
        selected={f.trainingMethods}
        onChange={(v) => set({ trainingMethods: v })}
      />
      <CheckboxGroup
        legend="Session"
        name="session"
        options={asOptions(sessions)}
        selected={f.sessions}
        onChange={(v) => set({ sessions: v })}
      />
      <RadioGroup
        legend="Source"
        name="widget"
        value={f.widget}
        onChange={(v) => set({ widget: v })}
        options={[
          { value: 'all', label: 'All' },
          { value: 'widget', label: 'Widget' },
          { value: 'normal', label: 'Normal chat' },
        ]}
      />
      <CheckboxGroup
        legend="Cohort"
        name="cohort"
        options={(cohorts.data?.cohorts ?? []).map((c) => ({ value: c.id, label: c.name }))}
        selected={f.cohorts}
        onChange={(v) => set({ cohorts: v })}
      />
      <button type="button" className="link" onClick={() => update({ filters: EMPTY_FILTERS })}>
        Clear filters
      </button>
    </div>
  );
}

export function FiltersPanel() {
  const { state, toggleCollapsed } = useDashboard();
  const n = activeFilterCount(state.filters);
  return (
    <Collapsible
      id="filters"
      title="Filters"
      badge={n ? `${n} active` : undefined}
      collapsed={state.collapsed.filters === true}
      onToggle={() => toggleCollapsed('filters')}
      testId="filters-panel"
    >
      <FilterFields />
    </Collapsible>
  );
}
