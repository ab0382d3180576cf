// Which of the map's sources need new data. The model's collections are built once per change of what they depend
// on (memoised by the view), and the derived ones (laid-out markers, the subject's ring) keep their identity while
// their inputs stay the same; so an identity check says whether a source changed, without comparing content.
import type { FeatureCollection } from 'geojson';
import type { SourceData } from '../../domain/map-model';

export type { SourceData };

export class SourceChanges {
  private readonly sent = new Map<string, SourceData>();
  /** For changedContent: what each such source last received, as its coordinates' text. */
  private readonly sentText = new Map<string, string>();

  /** The data for `key` when `value` is not what the source last received, else null; a function is called only here. */
  changed(key: string, value: SourceData): FeatureCollection | null {
    if (this.sent.get(key) === value) return null;
    this.sent.set(key, value);
    return typeof value === 'function' ? value() : value;
  }

  /**
   * `value` when its features' geometries differ from what the source last received, else null: for a small
   * collection built anew on every change although it rarely moves (the markers' leader lines), where a setData
   * would cost a worker's round trip and a drawing for the same picture.
   */
  changedContent(key: string, value: FeatureCollection | undefined): FeatureCollection | null {
    if (!value) return null;
    const text = JSON.stringify(value.features.map((f) => [f.geometry, f.properties]));
    if (this.sentText.get(key) === text) return null;
    this.sentText.set(key, text);
    return value;
  }
}
