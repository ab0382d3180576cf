// Presentation slides that advance by themselves (kiosk mode with `present`): the next slide every
// SECONDS_PER_SLIDE_AT_1X / speed seconds; after the last, the first again with loop=1, else it stops there. The slide
// itself stays in the store (presentStep); the storyline's length is told by the view that derives it. The timer is
// injected (tests).
import type { AtlasStoreApi } from './atlas-store';
import { browserTimer, type Timer } from './timer';

/** How long a slide stays at 1× (the map's flight to it takes 1.8 s); `speed=2` halves it. */
export const SECONDS_PER_SLIDE_AT_1X = 8;

export class Slideshow {
  private pending: unknown = null;
  private length = 0;

  constructor(
    private readonly store: AtlasStoreApi,
    private readonly timer: Timer = browserTimer,
  ) {}

  /** How many slides the storyline has now (it follows the filters). */
  setLength(length: number): void {
    this.length = length;
  }

  /** Advances from the slide on screen, one dwell from now; does nothing outside presentation mode. */
  play(): void {
    const s = this.store.getState();
    if (s.presentStep === null) return;
    if (!s.autoAdvance) s.setAutoAdvance(true);
    this.schedule();
  }

  pause(): void {
    this.clear();
    if (this.store.getState().autoAdvance) this.store.getState().setAutoAdvance(false);
  }

  dispose(): void {
    this.clear();
  }

  private dwellMs(): number {
    return (SECONDS_PER_SLIDE_AT_1X * 1000) / this.store.getState().playbackSettings.speed;
  }

  private schedule(): void {
    this.clear();
    this.pending = this.timer.setTimeout(() => this.advance(), this.dwellMs());
  }

  private clear(): void {
    if (this.pending !== null) this.timer.clearTimeout(this.pending);
    this.pending = null;
  }

  private advance(): void {
    this.pending = null;
    const s = this.store.getState();
    if (!s.autoAdvance || s.presentStep === null) {
      this.pause();
      return;
    }
    // The length is not known yet (the view has not rendered): wait one more dwell.
    if (this.length > 0) {
      if (s.presentStep < this.length - 1) s.setPresentStep(s.presentStep + 1);
      else if (s.playbackSettings.loop) s.setPresentStep(0);
      else {
        this.pause();
        return;
      }
    }
    this.schedule();
  }
}
