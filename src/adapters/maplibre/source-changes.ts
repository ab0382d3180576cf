// Which of the map's sources need new data. The model's collections are built once per change of what they depend
// on (memoised by the view), and the derived ones (laid-out markers, the subject's ring) keep their identity while
// their inputs stay the same; so an identity check says whether a source changed, without comparing content.
import type { FeatureCollection } from 'geojson';
import type { SourceData } from '../../domain/map-model';

export type { SourceData };

export class SourceChanges {
  private readonly sent = new Map<string, SourceData>();

  /** The data for `key` when `value` is not what the source last received, else null; a function is called only here. */
  changed(key: string, value: SourceData): FeatureCollection | null {
    if (this.sent.get(key) === value) return null;
    this.sent.set(key, value);
    return typeof value === 'function' ? value() : value;
  }
}
