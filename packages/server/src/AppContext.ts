// Owns the wiring of services around one store: the object every route handler is given.

import { AccountService } from './accounts/AccountService.ts';
import { LoginThrottle } from './accounts/LoginThrottle.ts';
import { MembershipService } from './accounts/MembershipService.ts';
import { SessionService } from './accounts/SessionService.ts';
import { TeamService } from './accounts/TeamService.ts';
import { UserService } from './accounts/UserService.ts';
import { ActivityService } from './activity/ActivityService.ts';
import { AlertService } from './alerts/AlertService.ts';
import {
  alertDeliveryJob,
  alertDeliverySchedule,
  alertEvaluationJob,
  alertEvaluationSchedule,
} from './alerts/alertJobs.ts';
import { AnalyticsService } from './analytics/AnalyticsService.ts';
import { AnomalyService } from './anomalies/AnomalyService.ts';
import { anomalyScanJob, anomalyScanSchedule } from './anomalies/anomalyScanJob.ts';
import { ApiKeyService } from './auth/ApiKeyService.ts';
import type { Config } from './config.ts';
import { DataInvalidations } from './events/DataInvalidations.ts';
import { EventBus } from './events/EventBus.ts';
import { EventStreams } from './events/EventStreams.ts';
import { ExperimentService } from './experiments/ExperimentService.ts';
import { ExportService } from './exports/service/ExportService.ts';
import { ensureExportDir } from './exports/service/ensureExportDir.ts';
import { exportCleanupJob, exportCleanupSchedule, exportJob } from './exports/service/exportJobs.ts';
import { GroupCommitWriter } from './ingest/GroupCommitWriter.ts';
import { IngestService } from './ingest/IngestService.ts';
import { GenAiDeriver } from './ingest/otlp/genai/GenAiDeriver.ts';
import { TraceService } from './ingest/otlp/TraceService.ts';
import { JobRunner } from './jobs/JobRunner.ts';
import { JobService } from './jobs/JobService.ts';
import { retentionJob, retentionSchedule } from './jobs/retentionJob.ts';
import { openStore } from './openStore.ts';
import { SettingsService } from './settings/SettingsService.ts';
import type { Store } from './store/Store.ts';
import { WorkspaceService } from './workspaces/WorkspaceService.ts';

export interface AppContext {
  config: Config;
  store: Store;
  writer: GroupCommitWriter;
  ingest: IngestService;
  /** OTLP spans (POST /v1/traces), and the messages of their LLM calls. */
  traces: TraceService;
  keys: ApiKeyService;
  workspaces: WorkspaceService;
  settings: SettingsService;
  /** Accounts (issue 4): users, sessions, memberships, account flows, team management, activity log. */
  users: UserService;
  sessions: SessionService;
  memberships: MembershipService;
  accounts: AccountService;
  team: TeamService;
  activity: ActivityService;
  analytics: AnalyticsService;
  /** A/B experiments (issue 18): stored per workspace, results through `analytics`. */
  experiments: ExperimentService;
  /** Background jobs: the runner (started by `serve`, stopped by close) and the API's reads. */
  jobRunner: JobRunner;
  jobs: JobService;
  /** Export requests, their files and downloads (`export` jobs for the large ones). */
  exports: ExportService;
  /** Anomalies (issue 19): the scan (`anomaly_scan` jobs), the stored list and its triage. */
  anomalies: AnomalyService;
  /** Live events (GET /api/events): services publish state changes, the SSE route subscribes. */
  events: EventBus;
  /** Alert rules (issue 19): evaluated by `alert_evaluation` jobs, delivered to webhook, Slack and email. */
  alerts: AlertService;
  /** The open SSE streams of GET /api/events (ended when the app closes). */
  eventStreams: EventStreams;
  close(): Promise<void>;
}

export async function createContext(config: Config, store?: Store): Promise<AppContext> {
  // Before the store opens: a bad EXPORT_DIR stops the start with its reason and leaves nothing open.
  await ensureExportDir(config.exportDir);
  const s = store ?? (await openStore(config));
  const events = new EventBus();
  const invalidations = new DataInvalidations(events);
  const writer = new GroupCommitWriter(s, undefined, config.ingestMaxQueuedRows, (rows) =>
    invalidations.committed(rows),
  );
  const workspaces = new WorkspaceService(s);
  const keys = new ApiKeyService(s);
  const activity = new ActivityService(s);
  const settings = new SettingsService(s, activity);
  const analytics = new AnalyticsService(s, settings);
  const ws = await workspaces.ensureDefault();
  if (config.initApiKey) await keys.ensureKey(ws.id, config.initApiKey);
  const users = new UserService(s);
  const memberships = new MembershipService(s);
  const sessions = new SessionService(s, {
    maxAgeSeconds: config.sessionMaxAgeSeconds,
    idleSeconds: config.sessionIdleSeconds,
  });
  const throttle = new LoginThrottle(config.loginMaxFailures, config.loginLockoutSeconds);
  const accounts = new AccountService(users, memberships, sessions, workspaces, activity, throttle);
  if (config.initAdminEmail && config.initAdminPassword) {
    await accounts.ensureInitialAdmin(config.initAdminEmail, config.initAdminPassword);
  }
  const jobRunner = new JobRunner(s, {
    onEvent: (workspaceId, data) => events.publish(workspaceId, { type: 'job', data }),
  }).register(retentionJob(activity));
  jobRunner.schedule(retentionSchedule(jobRunner, workspaces, config.traceRetentionDays));
  const exports = new ExportService({ store: s, analytics, settings, workspaces }, jobRunner, {
    dir: config.exportDir,
    ttlHours: config.exportTtlHours,
    maxBytesPerWorkspace: config.exportMaxBytesPerWorkspace,
    inlineMaxRows: config.exportInlineMaxRows,
  });
  jobRunner.register(exportJob(exports)).register(exportCleanupJob(exports));
  jobRunner.schedule(exportCleanupSchedule(jobRunner, workspaces, config.exportDir));
  const anomalies = new AnomalyService(s, analytics, events, activity);
  jobRunner.register(anomalyScanJob(anomalies, activity));
  jobRunner.schedule(anomalyScanSchedule(jobRunner, workspaces, config.anomalyScanMinutes * 60_000));
  const alerts = new AlertService(
    { store: s, analytics, events, activity, anomalies },
    {
      publicUrl: config.publicUrl,
      delivery: {
        allowPrivate: config.alertAllowPrivateUrls,
        timeoutMs: 10_000,
        smtpUrl: config.smtpUrl,
        from: config.alertFrom,
      },
    },
  );
  workspaces.onCreate((id) => alerts.ensureDefaults(id, true));
  await alerts.ensureDefaults(ws.id);
  jobRunner.register(alertEvaluationJob(alerts)).register(alertDeliveryJob(alerts));
  jobRunner.schedule(alertEvaluationSchedule(jobRunner, workspaces, alerts, config.alertEvalSeconds * 1000));
  jobRunner.schedule(alertDeliverySchedule(jobRunner, alerts));
  return {
    config,
    store: s,
    writer,
    ingest: new IngestService(writer, analytics),
    traces: new TraceService(writer, new GenAiDeriver(s, writer, analytics)),
    keys,
    workspaces,
    settings,
    users,
    sessions,
    memberships,
    accounts,
    team: new TeamService(users, memberships, workspaces, keys, activity),
    activity,
    analytics,
    experiments: new ExperimentService(s, activity, analytics),
    jobRunner,
    jobs: new JobService(s),
    exports,
    events,
    alerts,
    eventStreams: new EventStreams(events, { heartbeatMs: config.eventsHeartbeatMs }),
    anomalies,
    async close() {
      await jobRunner.stop();
      alerts.close();
      await keys.close();
      await writer.close();
      invalidations.close();
      await s.close();
    },
  };
}
