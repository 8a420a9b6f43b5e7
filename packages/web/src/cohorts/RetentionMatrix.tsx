// Owns the retention matrix of one cohort: rows by first-seen week or month, the share returning per period
// since (complete periods only), shaded by share.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Cohort, RetentionPeriod } from '../api/types';
import { Notice } from '../ui/Notice';
import { RadioGroup } from '../ui/RadioGroup';
import { cohortsApi } from './cohortsApi';

const label = (iso: string, period: RetentionPeriod) =>
  period === 'month' ? iso.slice(0, 7) : `week of ${iso.slice(0, 10)}`;

export function RetentionMatrix({ cohorts }: { cohorts: Cohort[] }) {
  const [picked, setPicked] = useState<string | null>(null);
  const [period, setPeriod] = useState<RetentionPeriod>('week');
  const id = picked ?? cohorts[0]?.id ?? null;
  const res = useQuery({
    queryKey: ['cohorts', 'retention', id, period],
    queryFn: ({ signal }) => cohortsApi.retention(id!, period, signal),
    enabled: id !== null,
  });
  const rows = res.data?.rows ?? [];
  const width = rows.reduce((n, r) => Math.max(n, r.shares.length), 0);
  return (
    <section
      className="panel panel-body-pad"
      aria-labelledby="retention-heading"
      data-testid="retention-matrix"
      data-state={res.isPending ? 'loading' : res.isError ? 'error' : rows.length ? 'ready' : 'empty'}
    >
      <h2 id="retention-heading">Retention</h2>
      <div className="form-row">
        <label className="select-field">
          <span>Cohort</span>
          <select value={id ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <RadioGroup
          legend="Period"
          name="retention-period"
          value={period}
          onChange={(v) => setPeriod(v)}
          options={[
            { value: 'week', label: 'Weeks' },
            { value: 'month', label: 'Months' },
          ]}
        />
      </div>
      {res.isPending ? (
        <div className="skeleton table-skeleton" role="progressbar" aria-label="Loading retention" />
      ) : res.isError ? (
        <Notice kind="error" title="Could not load retention">
          {res.error.message}
        </Notice>
      ) : rows.length === 0 ? (
        <Notice kind="empty" title="No members first seen in the last complete periods" />
      ) : (
        <div className="table-wrap">
          <table className="retention-table">
            <thead>
              <tr>
                <th scope="col">First seen</th>
                <th scope="col">Users</th>
                {Array.from({ length: width }, (_, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the column is its offset
                  <th key={k} scope="col">
                    {period === 'week' ? `W${k}` : `M${k}`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.start}>
                  <th scope="row">{label(r.start, period)}</th>
                  <td>{r.users}</td>
                  {Array.from({ length: width }, (_, k) => {
                    const share = r.shares[k];
                    return share === undefined ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the column is its offset
                      <td key={k} className="retention-incomplete" />
                    ) : (
                      <td
                        // biome-ignore lint/suspicious/noArrayIndexKey: the column is its offset
                        key={k}
                        title={`${r.returning[k]} of ${r.users}`}
                        style={{ background: `rgba(37, 99, 235, ${(0.08 + share * 0.6).toFixed(2)})` }}
                      >
                        {(share * 100).toFixed(0)}%
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
