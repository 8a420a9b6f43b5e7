// Owns the multi-select used by the filter panel: a fieldset of native checkboxes (keyboard-usable).
export function CheckboxGroup<T extends string | number>(props: {
  legend: string;
  name: string;
  options: { value: T; label: string }[];
  selected: T[];
  onChange(next: T[]): void;
}) {
  const toggle = (v: T, on: boolean) =>
    props.onChange(on ? [...props.selected, v] : props.selected.filter((x) => x !== v));
  return (
    <fieldset className="filter-group" data-filter={props.name}>
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? <span className="muted">none in the data</span> : null}
      {props.options.map((o) => (
        <label key={String(o.value)} className="check">
          <input
            type="checkbox"
            name={props.name}
            value={String(o.value)}
            checked={props.selected.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
