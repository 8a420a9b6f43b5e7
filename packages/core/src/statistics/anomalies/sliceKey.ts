// Owns the text key of a slice (`overall`, `model:<id>`, `provider:<id>`) used to key a scan's series.
import { ANOMALY_SLICE_DIMENSIONS, type AnomalySlice } from '../../wire/anomalies.ts';

/** `overall`, or `<dimension>:<value>` (the value may itself contain `:`). */
export function sliceKey(slice: AnomalySlice): string {
  return slice.dimension === 'overall' ? 'overall' : `${slice.dimension}:${slice.value ?? ''}`;
}

/** The slice a key names; throws a RangeError on an unknown dimension or an empty value. */
export function parseSliceKey(key: string): AnomalySlice {
  if (key === 'overall') return { dimension: 'overall', value: null };
  const at = key.indexOf(':');
  const dimension = key.slice(0, at);
  const value = key.slice(at + 1);
  if (
    at <= 0 ||
    value === '' ||
    dimension === 'overall' ||
    !(ANOMALY_SLICE_DIMENSIONS as readonly string[]).includes(dimension)
  )
    throw new RangeError(`slice key ${JSON.stringify(key)} is not overall, model:<id> or provider:<id>`);
  return { dimension: dimension as AnomalySlice['dimension'], value };
}
