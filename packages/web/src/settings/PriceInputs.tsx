// Owns the pair of input/output price fields (USD per 1K tokens).
import type { Price } from '../api/types';

export function PriceInputs(props: { name: string; price: Price; onChange(p: Price): void }) {
  return (
    <span className="price-inputs">
      <label>
        Input
        <input
          type="number"
          name={`${props.name}.input_per_1k`}
          min={0}
          step="any"
          value={props.price.input_per_1k}
          onChange={(e) => props.onChange({ ...props.price, input_per_1k: Number(e.target.value) })}
        />
      </label>
      <label>
        Output
        <input
          type="number"
          name={`${props.name}.output_per_1k`}
          min={0}
          step="any"
          value={props.price.output_per_1k}
          onChange={(e) => props.onChange({ ...props.price, output_per_1k: Number(e.target.value) })}
        />
      </label>
    </span>
  );
}
