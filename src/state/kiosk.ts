// Kiosk mode (`?autoplay=1`): playback starts on load and, with `loop=1`, loops within the range. Any input
// (pointer, key, wheel) pauses it so a visitor can look around; after a minute without input it plays again.
// Playback goes through the controller, its one writer. The timer and the input source are injected (tests).
import type { PlaybackController } from './playback-controller';

export const KIOSK_IDLE_MS = 60_000;
export const KIOSK_INPUTS = ['pointerdown', 'keydown', 'wheel'] as const;

export interface KioskTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const browserTimer: KioskTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export interface Kiosk {
  /** Plays again now, as if the idle time had passed (the automation hook for tests). */
  resumeNow(): void;
  stop(): void;
}

export function startKiosk(
  playback: Pick<PlaybackController, 'play' | 'pause'>,
  input: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  options: { idleMs?: number; timer?: KioskTimer } = {},
): Kiosk {
  const idleMs = options.idleMs ?? KIOSK_IDLE_MS;
  const timer = options.timer ?? browserTimer;
  let pending: unknown = null;
  const resume = () => {
    pending = null;
    playback.play();
  };
  const onInput = () => {
    playback.pause();
    if (pending !== null) timer.clearTimeout(pending);
    pending = timer.setTimeout(resume, idleMs);
  };
  // Capture: an input handled (and stopped) by a control still counts as someone being there.
  for (const type of KIOSK_INPUTS) input.addEventListener(type, onInput, { capture: true, passive: true });
  playback.play();
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
