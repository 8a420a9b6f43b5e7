// Owns reading the current location in a component: re-renders on every navigation.
import { useSyncExternalStore } from 'react';
import { locationStore, type RouteLocation } from './locationStore';

export function useLocation(): RouteLocation {
  return useSyncExternalStore(locationStore.subscribe, locationStore.snapshot);
}
