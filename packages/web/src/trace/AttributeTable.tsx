// Owns showing a JSON object of attributes as a key/value table, keys sorted, values as compact JSON.
export function AttributeTable({ label, attrs }: { label: string; attrs: Record<string, unknown> }) {
  const keys = Object.keys(attrs).sort();
  if (keys.length === 0) return <p className="muted">No {label.toLowerCase()}.</p>;
  return (
    <table className="attr-table" aria-label={label}>
      <tbody>
        {keys.map((k) => {
          const v = attrs[k];
          return (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{typeof v === 'string' ? v : JSON.stringify(v)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
