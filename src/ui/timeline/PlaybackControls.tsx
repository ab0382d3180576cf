// Playback controls: play/pause, step, jump, speed, loop and mode. Space, ←/→ and Home/End work while playback
// is on and the focus is not in a text field or on the year brush.
import { memo, useEffect, useRef } from 'react';
import { SPEEDS } from '../../domain/playback';
import type { Lang } from '../../domain/schema';
import { t } from '../../i18n/messages';
import type { PlaybackController } from '../../state/playback-controller';
import { useAtlas, useRuntime } from '../../state/runtime';
import { keyBelongsToFocus } from '../focus';
import './playback.css';

const WINDOW_CHOICES = [3, 5, 10];

/** Small inline icons: font glyphs such as ⏮ are missing from many system fonts. */
const ICONS = {
  start: 'M3 2h2v12H3zM14 2v12L6 8z',
  back: 'M12 2v12L4 8z',
  forward: 'M4 2v12l8-6z',
  end: 'M11 2h2v12h-2zM2 2v12l8-6z',
  play: 'M4 2v12l10-6z',
  pause: 'M3 2h4v12H3zM9 2h4v12H9z',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}

/** The keys playback answers to, as calls on its controller. */
export function playbackKey(key: string, playback: PlaybackController): boolean {
  if (key === ' ') playback.toggle();
  else if (key === 'ArrowLeft') playback.step(-1);
  else if (key === 'ArrowRight') playback.step(1);
  else if (key === 'Home') playback.jump('start');
  else if (key === 'End') playback.jump('end');
  else return false;
  return true;
}

/** Memoised: a filter change re-renders the timeline around it, and React 19 rewrites every input it updates. */
export const PlaybackControls = memo(function PlaybackControls({ lang, hasEndDates = false }: { lang: Lang; hasEndDates?: boolean }) {
  const { playback } = useRuntime();
  // Whether playback is on, not its year: the toolbar does not render again for each year it plays.
  const active = useAtlas((s) => s.playYear !== null);
  const playing = useAtlas((s) => s.playing);
  const settings = useAtlas((s) => s.playbackSettings);
  const playButton = useRef<HTMLButtonElement>(null);
  // Leaving playback (its button or Esc) puts focus back on Play, which started it: the exit button goes away.
  const exit = () => {
    playback.exit();
    playButton.current?.focus();
  };
  const exitRef = useRef(exit);
  exitRef.current = exit;

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      // Space on a button presses that button (Exit playback, a step); Esc in the card or a menu closes that.
      if (keyBelongsToFocus(e)) return;
      if (target?.closest('input, select, textarea, [role="slider"], dialog, .presentation, .card')) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        exitRef.current();
        return;
      }
      if (playbackKey(e.key, playback)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, playback]);

  return (
    <div className="playback" role="toolbar" aria-label={t(lang, 'playback')} data-testid="playback">
      <button type="button" onClick={() => playback.jump('start')} aria-label={t(lang, 'toStart')} disabled={!active}>
        <Icon name="start" />
      </button>
      <button type="button" onClick={() => playback.step(-1)} aria-label={t(lang, 'stepBack')}>
        <Icon name="back" />
      </button>
      <button type="button" className="play" ref={playButton} onClick={() => playback.toggle()} aria-pressed={playing} data-testid="play">
        <Icon name={playing ? 'pause' : 'play'} /> <span className="play-label">{t(lang, playing ? 'pause' : 'play')}</span>
      </button>
      <button type="button" onClick={() => playback.step(1)} aria-label={t(lang, 'stepForward')}>
        <Icon name="forward" />
      </button>
      <button type="button" onClick={() => playback.jump('end')} aria-label={t(lang, 'toEnd')} disabled={!active}>
        <Icon name="end" />
      </button>
      <label>
        <span className="visually-hidden">{t(lang, 'speed')}</span>
        <select value={settings.speed} onChange={(e) => playback.setSpeed(Number(e.target.value))} data-testid="speed" aria-label={t(lang, 'speed')}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t(lang, 'speedValue', { speed: s })}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t(lang, 'playbackMode')}</span>
        <select
          aria-label={t(lang, 'playbackMode')}
          value={settings.mode === 'cumulative' ? 'cumulative' : String(settings.windowYears)}
          onChange={(e) => (e.target.value === 'cumulative' ? playback.setMode('cumulative') : playback.setMode('window', Number(e.target.value)))}
          data-testid="playback-mode"
        >
          <option value="cumulative">{t(lang, 'cumulativeMode')}</option>
          {WINDOW_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t(lang, 'lastYears', { n })}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-check">
        <input type="checkbox" checked={settings.loop} onChange={(e) => playback.setLoop(e.target.checked)} />
        {t(lang, 'loop')}
      </label>
      {/* Only for a list with end dates: a year then shows the agreements signed by it, or those in force in it. */}
      {hasEndDates && (
        // biome-ignore lint/a11y/useSemanticElements: two toggle buttons in the toolbar's row; a fieldset's legend and border would not fit it
        <div className="year-basis" role="group" aria-label={t(lang, 'yearBasis')} data-testid="year-basis">
          {(['signed', 'active'] as const).map((basis) => (
            <button
              key={basis}
              type="button"
              aria-pressed={(settings.basis ?? 'signed') === basis}
              onClick={() => playback.setBasis(basis)}
              data-testid={`basis-${basis}`}
            >
              {t(lang, basis === 'signed' ? 'yearBasisSigned' : 'yearBasisActive')}
            </button>
          ))}
        </div>
      )}
      {active && (
        <button type="button" className="link-button" onClick={exit} data-testid="playback-exit">
          {t(lang, 'exitPlayback')}
        </button>
      )}
    </div>
  );
});
