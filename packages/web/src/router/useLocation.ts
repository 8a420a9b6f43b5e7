// Owns reading the current location in a component: re-renders on every navigation.
import { useSyncExternalStore } from 'react';
import { type Location, locationStore } from './locationStore';

export function useLocation(): Location {
  return useSyncExternalStore(locationStore.subscribe, locationStore.snapshot);
}
