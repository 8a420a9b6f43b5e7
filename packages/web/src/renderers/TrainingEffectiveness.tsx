// Owns the training-effectiveness view: fine-tunes beside their base model, with deltas against the base.
import { useMemo } from 'react';
import type { Row } from '../api/types';
import type { ChartProps } from '../charts/ChartProps';
import { formatValue, toNumber } from '../ui/format';
import { baseOption, tooltipFormatter, valueAxis } from './baseOption';
import { EChart } from './EChart';
import { PALETTE } from './palette';

const METHODS = ['base', 'sft', 'dpo', 'rlhf', 'other'];

function delta(row: Row, base: Row | undefined, key: string): string {
  const a = toNumber(row[key]);
  const b = base ? toNumber(base[key]) : null;
  if (a === null || b === null || row === base) return '';
  const d = a - b;
  const s = key === 'avg_rating' ? d.toFixed(2) : `${d.toFixed(1)} pt`;
  return d > 0 ? `+${s}` : s;
}

export function TrainingEffectiveness({ entry, rows }: ChartProps) {
  const byModel = useMemo(() => new Map(rows.map((r) => [String(r.model), r])), [rows]);
  const ordered = useMemo(
    () =>
      [...rows].sort(
        (a, b) =>
          String(a.base_model ?? a.model).localeCompare(String(b.base_model ?? b.model)) ||
          METHODS.indexOf(String(a.training_method)) - METHODS.indexOf(String(b.training_method)),
      ),
    [rows],
  );
  const option = useMemo(
    () => ({
      ...baseOption(false),
      tooltip: { ...baseOption(false).tooltip, valueFormatter: tooltipFormatter('percent') },
      xAxis: { type: 'category', data: ordered.map((r) => String(r.model)), axisLabel: { rotate: 20 } },
      yAxis: valueAxis('percent', { max: 100 }),
      series: [
        {
          name: 'Success rate',
          type: 'bar',
          data: ordered.map((r) => ({
            value: toNumber(r.success_rate),
            itemStyle: { color: PALETTE[Math.max(0, METHODS.indexOf(String(r.training_method)))] },
          })),
        },
      ],
    }),
    [ordered],
  );
  return (
    <div className="split" data-state="ready">
      <EChart option={option} label={`${entry.title}: success rate per model, coloured by training method`} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Method</th>
              <th scope="col" className="num">
                Success
              </th>
              <th scope="col" className="num">
                Δ vs base
              </th>
              <th scope="col" className="num">
                Avg rating
              </th>
              <th scope="col" className="num">
                Δ vs base
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => {
              const base = r.base_model ? byModel.get(String(r.base_model)) : undefined;
              return (
                <tr key={String(r.model)}>
                  <td>{String(r.model)}</td>
                  <td>
                    <span
                      className="swatch"
                      style={{ background: PALETTE[Math.max(0, METHODS.indexOf(String(r.training_method)))] }}
                    />
                    {r.training_method === null ? '—' : String(r.training_method).toUpperCase()}
                  </td>
                  <td className="num">{formatValue(r.success_rate, 'percent')}</td>
                  <td className="num">{delta(r, base, 'success_rate')}</td>
                  <td className="num">{formatValue(r.avg_rating, 'rating')}</td>
                  <td className="num">{delta(r, base, 'avg_rating')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
