// When the map has first drawn the page's data (MapCallbacks.onRendered): once it is idle, or at a frame drawn with the
// shown level's data loaded. During kiosk playback the data changes every quarter second and, with software GL on a
// busy machine, the map may never be idle; so a frame two seconds on is taken as drawn as it will get.
import type { Map as MapLibreMap } from 'maplibre-gl';

export class FirstRender {
  private watching = false;
  private rendered = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly shownSource: () => string,
    private readonly onFirst: () => void,
  ) {}

  /** Called with each new model until the first render: waits for it and asks the map for a frame. */
  await(): void {
    if (this.rendered) return;
    this.map.once('idle', this.mark);
    if (!this.watching) {
      this.watching = true;
      const since = performance.now();
      const onRender = () => {
        // The first model went into the style, so once loaded the map has drawn data.
        if (this.rendered || this.map.isSourceLoaded(this.shownSource()) || performance.now() - since > 2000) {
          this.map.off('render', onRender);
          this.mark();
        }
      };
      this.map.on('render', onRender);
    }
    this.map.triggerRepaint();
  }

  private readonly mark = (): void => {
    if (this.rendered) return;
    this.rendered = true;
    this.onFirst();
  };
}
