// Owns the live-updates API the UI uses (GET /api/events, shared by all tabs of the browser):
//
//   <LiveProvider workspaceId>          mounted once by the app shell per signed-in workspace.
//   useLiveEvent(type, handler)         handler(data) for each event of `type`: 'data' | 'anomaly' | 'alert' |
//                                       'job' | 'reset' (data typed by core/src/wire/events.ts). A 'reset' means
//                                       events were missed: re-read everything the component shows.
//   useLiveStatus()                     'connecting' | 'live' | 'polling' (the stream is down: poll instead).
//   <LiveIndicator />                   the header's badge of that status.
//
// One tab (the Web Locks leader) holds the EventSource and relays over a BroadcastChannel; see LiveConnection.

export type { LiveStatus } from './LiveConnection';
export { LiveIndicator } from './LiveIndicator';
export { LiveProvider } from './LiveProvider';
export { type LiveEventData, useLiveEvent } from './useLiveEvent';
export { useLiveStatus } from './useLiveStatus';
