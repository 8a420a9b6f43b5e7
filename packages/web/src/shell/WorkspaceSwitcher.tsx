// Owns the workspace picker in the top bar.
import type { WorkspaceRef } from '../api/types';

export function WorkspaceSwitcher(props: {
  workspaces: WorkspaceRef[];
  current: string;
  onChange(id: string): void;
}) {
  if (props.workspaces.length < 2) {
    return <span className="workspace-name">{props.workspaces[0]?.name}</span>;
  }
  return (
    <label className="workspace-switcher">
      <span className="visually-hidden">Workspace</span>
      <select value={props.current} onChange={(e) => props.onChange(e.target.value)}>
        {props.workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
