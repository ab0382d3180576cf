// Presentation mode: full screen, panels hidden, a storyline derived from the data, one caption per step. Sized for a
// projector: the map draws its numbers and names larger, the slide's subject is ringed and named on it, the caption
// names the filters, and a strip of the timeline shows the year on screen.
import { useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AtlasIndex, Link } from '../../domain/atlas-index';
import type { Lang } from '../../domain/schema';
import { milestoneSubject } from '../../domain/milestone-subject';
import { deriveMilestones, type Milestone } from '../../domain/storyline';
import { datasetTexts } from '../../i18n/dataset-texts';
import { activeFilterLabels, filtersLine } from '../../i18n/filter-labels';
import { t } from '../../i18n/messages';
import { storylineCaption, storylineNotes } from '../../i18n/storyline';
import { selectFilters } from '../../state/atlas-store';
import type { MapHandle, MapSubject } from '../../state/map-handle';
import { useAtlas, useRuntime, type Runtime } from '../../state/runtime';
import { keyBelongsToFocus } from '../focus';
import './presentation.css';

const NEXT_KEYS = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'];
const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];

export function enterPresentation({ store }: Runtime) {
  store.getState().setPresentStep(0);
  // Full screen where the browser allows it (it needs a user gesture, and may be refused): the mode works without.
  document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export function leavePresentation({ store, playback, slideshow }: Runtime) {
  slideshow.pause();
  store.getState().setPresentStep(null);
  playback.exit();
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/**
 * Where the camera goes for a step: close on an institution, wider on a country, the world otherwise. The place
 * goes to the middle of what the caption panel leaves of the map (`covered`: the panel's height).
 */
function showOnMap(controller: MapHandle | null, milestone: Milestone, covered: number) {
  if (!controller) return;
  if (!milestone.focus) {
    controller.resetCamera(-covered / 2);
    return;
  }
  const zoom = milestone.kind === 'top-country' ? 3 : 4;
  controller.flyTo(milestone.focus.lng, milestone.focus.lat, zoom, -covered / 2);
}

/** The slide's subject as the map rings and names it, in the page's language. */
function subjectOnMap(lang: Lang, index: AtlasIndex, milestone: Milestone): MapSubject | null {
  const subject = milestoneSubject(milestone);
  if (!subject) return null;
  if (subject.kind === 'institution') {
    const inst = index.institutionsById.get(subject.id);
    return inst ? { kind: 'institution', id: inst.id, lng: inst.lng, lat: inst.lat, label: inst.name[lang] } : null;
  }
  const anchor = index.countryAnchors.get(subject.code);
  const country = index.countriesByCode.get(subject.code);
  return anchor && country ? { kind: 'country', id: subject.code, lng: anchor[0], lat: anchor[1], label: country.name[lang] } : null;
}

export function Presentation({
  lang,
  index,
  links,
  strip,
}: {
  lang: Lang;
  index: AtlasIndex;
  /** The links the filters pass (years included): the storyline is told from them. */
  links: readonly Link[];
  /** The timeline strip with its cursor, shown with the caption of a slide on the map. */
  strip: ReactNode;
}) {
  const runtime = useRuntime();
  const step = useAtlas((s) => s.presentStep);
  const autoAdvance = useAtlas((s) => s.autoAdvance);
  const filters = useAtlas(useShallow(selectFilters));
  const setStep = runtime.store.getState().setPresentStep;
  const storyline = useMemo(() => deriveMilestones(index, links), [index, links]);
  const current = step === null ? null : storyline[Math.min(step, storyline.length - 1)];
  const panel = useRef<HTMLDivElement>(null);
  // The slideshow (kiosk mode) needs to know where the storyline ends.
  useEffect(() => runtime.slideshow.setLength(storyline.length), [runtime, storyline.length]);
  // Numbers, names and markers at projector size while presenting.
  useEffect(() => {
    const map = runtime.map.current;
    map?.setPresentation(true);
    return () => {
      map?.setPresentation(false);
      map?.showSubject(null);
    };
  }, [runtime]);
  // A step past the end (a link's ?present=99, or a storyline that got shorter) is the last slide, in the store too,
  // so the counter, the arrows and the URL all say the same.
  useEffect(() => {
    if (step !== null && storyline.length > 0 && step > storyline.length - 1) setStep(storyline.length - 1);
  }, [step, storyline.length, setStep]);

  // Each step shows the network as it stood in the milestone's year, and flies the map there. Keyed by the
  // milestone's id: the storyline is re-derived when the view changes, and the flight must not restart.
  const currentRef = useRef(current);
  currentRef.current = current;
  const currentId = current?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the milestone's id on purpose (see above)
  useEffect(() => {
    const milestone = currentRef.current;
    if (!milestone) return;
    // Title and closing slides show the whole network; the others the network as it stood that year.
    if (milestone.year === null) runtime.playback.exit();
    else runtime.playback.show(milestone.year);
    const slide = milestone.kind === 'title' || milestone.kind === 'end';
    showOnMap(runtime.map.current, milestone, slide ? 0 : (panel.current?.offsetHeight ?? 0));
  }, [currentId, runtime]);

  // The subject ringed and named on the map, in the page's language.
  const subject = useMemo(() => (current ? subjectOnMap(lang, index, current) : null), [lang, index, current]);
  const subjectKey = subject ? `${subject.kind}:${subject.id}:${subject.label}` : '';
  const subjectRef = useRef(subject);
  subjectRef.current = subject;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by what the subject is and says, not by the object
  useEffect(() => {
    runtime.map.current?.showSubject(subjectRef.current);
  }, [subjectKey, runtime]);

  // A layout effect: the keys are listened for in the same task that shows the slide, so a key pressed as soon as it
  // is on screen is not lost (a passive effect can run a frame later, and the key went to playback instead).
  useLayoutEffect(() => {
    if (step === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      // Enter or Space on a button (‹, ›, Esc) presses that button, as everywhere else; elsewhere they advance.
      if (keyBelongsToFocus(e)) return;
      let next: number | null = null;
      if (NEXT_KEYS.includes(e.key)) next = Math.min(storyline.length - 1, step + 1);
      else if (PREVIOUS_KEYS.includes(e.key)) next = Math.max(0, step - 1);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = storyline.length - 1;
      else if (e.key === 'Escape') {
        e.preventDefault();
        leavePresentation(runtime);
        return;
      } else return;
      e.preventDefault();
      e.stopPropagation();
      setStep(next);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [step, storyline.length, setStep, runtime]);

  // Leaving full screen with the browser's own control (F11, Esc) also leaves the presentation.
  useEffect(() => {
    if (step === null) return;
    const onChange = () => {
      if (!document.fullscreenElement) leavePresentation(runtime);
    };
    const wasFullscreen = !!document.fullscreenElement;
    if (wasFullscreen) document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [step, runtime]);

  if (!current || step === null) return null;
  const slide = current.kind === 'title' || current.kind === 'end';
  const filtered = activeFilterLabels(lang, index, filters).length > 0;
  return (
    <div ref={panel} className={`presentation${slide ? ' slide' : ''}`} data-testid="presentation" data-kind={current.kind} data-step={step}>
      {!slide && strip}
      <p className="presentation-caption" aria-live="polite" data-testid="presentation-caption">
        {storylineCaption(lang, index, current)}
      </p>
      {current.kind === 'title' && <p className="presentation-sub">{datasetTexts(lang, index.dataset).subtitle}</p>}
      {/* What the slide's numbers leave out (undated agreements), and why the totals differ. */}
      {storylineNotes(lang, current).map((note) => (
        <p key={note} className="presentation-note" data-testid="presentation-note">
          {note}
        </p>
      ))}
      {/* The numbers count what the filters pass: the caption says which. */}
      {filtered && (
        <p className="presentation-filters" data-testid="presentation-filters">
          {filtersLine(lang, index, filters)}
        </p>
      )}
      <div className="presentation-nav">
        <button type="button" onClick={() => setStep(Math.max(0, step - 1))} disabled={step === 0} aria-label={t(lang, 'previousSlide')}>
          ‹
        </button>
        <span data-testid="presentation-step">{t(lang, 'slidePosition', { n: step + 1, total: storyline.length })}</span>
        <button
          type="button"
          onClick={() => setStep(Math.min(storyline.length - 1, step + 1))}
          disabled={step >= storyline.length - 1}
          aria-label={t(lang, 'nextSlide')}
        >
          ›
        </button>
        {autoAdvance && (
          <span className="presentation-auto" data-testid="presentation-auto">
            {t(lang, 'slidesAdvance')}
          </span>
        )}
        <span className="presentation-hint">{t(lang, 'presentHint')}</span>
        {/* The key's name, as on the keyboard; the label says what it does. */}
        <button type="button" className="presentation-exit" onClick={() => leavePresentation(runtime)} aria-label={t(lang, 'leavePresentation')}>
          Esc
        </button>
      </div>
    </div>
  );
}
