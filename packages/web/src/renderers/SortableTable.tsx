// Owns the sortable table renderer (model performance, A/B sessions): click or Enter on a header to sort.
import { type ReactNode, useMemo, useState } from 'react';
import type { ChartProps } from '../charts/ChartProps';
import { Link } from '../router/Link';
import { UnpricedMark } from '../settings/UnpricedMark';
import { rowUnpriced, unpricedCount, unpricedNoteId } from '../settings/UnpricedNote';
import { UnpricedRowMark } from '../settings/UnpricedRowMark';
import { formatValue, toNumber } from '../ui/format';

/** A column computed by the renderer that wraps the table (not from the query), shown after the declared ones. */
export interface ExtraColumn {
  key: string;
  label: string;
  cell(row: ChartProps['rows'][number]): ReactNode;
}

export function SortableTable({ entry, rows, result, extra = [] }: ChartProps & { extra?: ExtraColumn[] }) {
  const view = entry.view.kind === 'table' || entry.view.kind === 'sessions' ? entry.view : null;
  const [sort, setSort] = useState<{ key: string; dir: 'asc' | 'desc' }>({
    key: view?.sortBy ?? '',
    dir: 'desc',
  });
  const sorted = useMemo(() => {
    const out = [...rows];
    out.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      const nx = toNumber(x);
      const ny = toNumber(y);
      const c =
        nx !== null && ny !== null
          ? nx - ny
          : nx === null && ny === null
            ? String(x).localeCompare(String(y))
            : nx === null
              ? -1
              : 1;
      return sort.dir === 'asc' ? c : -c;
    });
    return out;
  }, [rows, sort]);
  if (!view) return null;
  const unpriced = unpricedCount(result, rows);
  const toggle = (key: string) =>
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }));
  return (
    <div className="table-wrap" data-state="ready">
      <table>
        <thead>
          <tr>
            {view.columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                className={c.unit ? 'num' : undefined}
              >
                <button type="button" onClick={() => toggle(c.key)}>
                  {c.label}
                  {c.unit === 'usd' ? (
                    <UnpricedMark count={unpriced} note={unpricedNoteId(entry.id)} />
                  ) : null}
                  <span aria-hidden="true">
                    {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
            {extra.map((c) => (
              <th key={c.key} scope="col" data-col={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r, i) => (
            <tr key={view.columns.map((c) => String(r[c.key])).join('|') || i}>
              {view.columns.map((c) =>
                c.unit ? (
                  <td key={c.key} className="num">
                    {formatValue(r[c.key], c.unit)}
                    {c.unit === 'usd' ? <UnpricedRowMark count={rowUnpriced(r)} /> : null}
                  </td>
                ) : (
                  <td key={c.key}>
                    {r[c.key] === null ? (
                      '—'
                    ) : c.href ? (
                      <Link href={c.href(String(r[c.key]))} title={`Traces of ${String(r[c.key])}`}>
                        {String(r[c.key])}
                      </Link>
                    ) : (
                      String(r[c.key])
                    )}
                  </td>
                ),
              )}
              {extra.map((c) => (
                <td key={c.key} data-col={c.key}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
