// Owns the benchmark chart's tables: each fine-tune against its base on the paired items, and the items a model
// newly fails with the judge's text.
import type { BenchmarkRegression, FineTuneComparison } from '../api/types';
import { formatValue } from '../ui/format';

const points = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(1)} pt`);
const pValue = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));
const signed = (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v.toFixed(3)}`);

/** The significant side decides: accuracy (McNemar) first, else the paired score difference. */
function verdict(f: FineTuneComparison): string {
  const accuracy = f.accuracy_p_value !== null && f.accuracy_p_value < 0.05;
  const d = accuracy ? f.accuracy_difference : f.mean_score_difference;
  if (!f.significant || d === null || d === 0) return 'no significant change';
  return `${d > 0 ? 'better' : 'worse'} than base${accuracy ? '' : ' (score)'}`;
}

export function FineTuneTable({ rows }: { rows: FineTuneComparison[] }) {
  if (rows.length === 0)
    return (
      <p className="muted">
        No fine-tune ran this benchmark beside its base model (set base_model on the model).
      </p>
    );
  return (
    <div className="table-wrap">
      <table data-testid="benchmark-fine-tunes">
        <caption>Fine-tunes against their base model, on the items both ran (latest runs)</caption>
        <thead>
          <tr>
            <th scope="col">Fine-tune</th>
            <th scope="col">Base</th>
            <th scope="col" className="num">
              Paired items
            </th>
            <th scope="col" className="num">
              Δ accuracy
            </th>
            <th scope="col" className="num">
              p (McNemar)
            </th>
            <th scope="col" className="num">
              Δ score
            </th>
            <th scope="col" className="num">
              p (paired t)
            </th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={`${f.model_id}-${f.base_model}`}>
              <td>{f.model_id}</td>
              <td>{f.base_model}</td>
              <td className="num">
                {f.paired_items}
                {f.only_model_items + f.only_base_items > 0
                  ? ` (+${f.only_model_items}/${f.only_base_items} unpaired)`
                  : ''}
              </td>
              <td className="num">{points(f.accuracy_difference)}</td>
              <td className="num">{pValue(f.accuracy_p_value)}</td>
              <td className="num">{signed(f.mean_score_difference)}</td>
              <td className="num">{pValue(f.score_p_value)}</td>
              <td>{verdict(f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RegressionsTable({ rows, total }: { rows: BenchmarkRegression[]; total: number }) {
  if (rows.length === 0) return <p className="muted">No model newly fails an item of this benchmark.</p>;
  return (
    <div className="table-wrap">
      <table className="judgments" data-testid="benchmark-regressions">
        <caption>
          Newly failed items
          {total > rows.length ? ` (first ${rows.length} of ${total})` : ` (${rows.length})`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Item</th>
            <th scope="col">Passed before in</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col">Judge</th>
            <th scope="col">Judgment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.model_id}-${r.item_id}-${r.kind}`}>
              <td>{r.model_id}</td>
              <td>{r.item_id}</td>
              <td>{r.kind === 'previous_run' ? `run ${r.against}` : `base ${r.against}`}</td>
              <td className="num">{r.score === null ? '—' : formatValue(r.score, 'ratio')}</td>
              <td>{r.judge ?? '—'}</td>
              <td className="content">{r.judgment ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
