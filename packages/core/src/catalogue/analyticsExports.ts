// Owns the `analytics_exports` table: one row per export request (its file, its state, who asked, its expiry).
import type { TableDef } from './TableDef.ts';

// Sharded by workspace with the other per-workspace tables: every read binds one workspace. A queued export
// names its job (`job_id`, a row of the global `jobs`), whose status and progress the API reads while it runs;
// the row's own status is what the export's end wrote. Times are epoch ms in BIGINT, as jobs' are.
export const analyticsExports = {
  name: 'analytics_exports',
  distribution: 'workspace',
  key: { columns: ['workspace_id', 'id'], index: 'analytics_exports_pk', unique: true },
  indexes: { analytics_exports_created: { columns: ['workspace_id', 'created_ms'] } },
  columns: {
    id: { type: 'text' },
    workspace_id: { type: 'text' },
    /** The `export` job writing it; null for an export written inside its request. */
    job_id: { type: 'text', nullable: true },
    /** queued (written by its job) | done | failed | expired (file deleted) */
    status: { type: 'text' },
    format: { type: 'text' },
    export_type: { type: 'text' },
    /** The validated ExportRequest. */
    request: { type: 'json' },
    /** The download's name (Content-Disposition). */
    file_name: { type: 'text' },
    content_type: { type: 'text' },
    /** Relative to EXPORT_DIR; set once the file is complete under its final name. */
    file_path: { type: 'text', nullable: true },
    file_bytes: { type: 'bigint' },
    row_count: { type: 'bigint' },
    error: { type: 'text', nullable: true },
    /** The actor who asked (a user's email or `key:<prefix>`). */
    requested_by: { type: 'text' },
    created_ms: { type: 'bigint' },
    finished_ms: { type: 'bigint', nullable: true },
    /** Downloads answer 410 Gone from then on; the cleanup job deletes the file. */
    expires_ms: { type: 'bigint' },
  },
} as const satisfies TableDef;
