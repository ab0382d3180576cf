// Kiosk mode (`?autoplay=1`): playback starts on load and, with `loop=1`, loops within the range; in presentation
// mode (`present`) the slides advance by themselves instead (slideshow.ts). Any input (pointer, key, wheel) pauses it
// so a visitor can look around; after a minute without input it plays again. Playback goes through its controller,
// the slides through the slideshow: their one writers. The timer and the input source are injected (tests).
import type { AtlasStoreApi } from './atlas-store';
import type { PlaybackController } from './playback-controller';
import type { Slideshow } from './slideshow';
import { browserTimer, type Timer } from './timer';

export const KIOSK_IDLE_MS = 60_000;
export const KIOSK_INPUTS = ['pointerdown', 'keydown', 'wheel'] as const;

export type { Timer as KioskTimer } from './timer';

export interface Kiosk {
  /** Plays again now, as if the idle time had passed (the automation hook for tests). */
  resumeNow(): void;
  stop(): void;
}

/** What a kiosk plays: anything that plays and pauses. */
export type KioskPlayer = Pick<PlaybackController, 'play' | 'pause'>;

/** The slides while presenting, else the playback; a pause stops both (a visitor may leave the presentation). */
export function kioskPlayer(store: AtlasStoreApi, playback: KioskPlayer, slideshow: Pick<Slideshow, 'play' | 'pause'>): KioskPlayer {
  return {
    play: () => (store.getState().presentStep !== null ? slideshow.play() : playback.play()),
    pause: () => {
      slideshow.pause();
      playback.pause();
    },
  };
}

export function startKiosk(
  player: KioskPlayer,
  input: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  options: { idleMs?: number; timer?: Timer } = {},
): Kiosk {
  const idleMs = options.idleMs ?? KIOSK_IDLE_MS;
  const timer = options.timer ?? browserTimer;
  let pending: unknown = null;
  const resume = () => {
    pending = null;
    player.play();
  };
  const onInput = () => {
    player.pause();
    if (pending !== null) timer.clearTimeout(pending);
    pending = timer.setTimeout(resume, idleMs);
  };
  // Capture: an input handled (and stopped) by a control still counts as someone being there.
  for (const type of KIOSK_INPUTS) input.addEventListener(type, onInput, { capture: true, passive: true });
  player.play();
  return {
    resumeNow() {
      if (pending !== null) timer.clearTimeout(pending);
      resume();
    },
    stop() {
      if (pending !== null) timer.clearTimeout(pending);
      pending = null;
      for (const type of KIOSK_INPUTS) input.removeEventListener(type, onInput, { capture: true });
    },
  };
}
