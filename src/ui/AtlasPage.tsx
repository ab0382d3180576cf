// One atlas on the page: header, phone tabs, sidebar (counts, filters, list), the map with its overlays and the
// timeline. src/app loads the dataset, builds the runtime and provides it; this lays out what it shows.
import { lazy, memo, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { countByYear } from '../domain/aggregate';
import type { Link } from '../domain/atlas-index';
import type { RegionId } from '../domain/schema';
import { filterLinks } from '../domain/filters';
import { playbackRange, visibleYearRange } from '../domain/playback';
import type { ListSort } from '../domain/view';
import { datasetTexts } from '../i18n/dataset-texts';
import { t } from '../i18n/messages';
import { prepareSearchWhenIdle } from '../state/idle-search';
import { useAtlas, useAtlasActions, useRuntime, type Runtime } from '../state/runtime';
import type { PageOptions } from '../state/url-sync';
import type { MapController } from '../adapters/maplibre/map-controller';
import { AtlasMap } from './map/AtlasMap';
import { loadMapModule, type MapModule } from './map/map-module';
import type { EarlyMap } from './map/early-map';
import { CountryDetails } from './panels/CountryDetails';
import { ExportMenu } from './panels/ExportMenu';
import { FilterPanel } from './panels/FilterPanel';
import { ImportPanel } from './panels/ImportPanel';
import { InstitutionCard } from './panels/InstitutionCard';
import { LIST_STEP, ResultsList } from './panels/ResultsList';
import { ShareMenu } from './panels/ShareMenu';
import { StoredListProblem } from './panels/StoredListProblem';
import type { ListSwitch, Notice, ShownAtlas } from './atlas-page-types';
import { Summary } from './panels/Summary';
import { CompareSummary } from './panels/HomesPanel';
import { useCompareBars, useCompareTitles, useComparison, useHomeCount } from './use-homes';
import { PlaybackControls } from './timeline/PlaybackControls';
import { Timeline } from './timeline/Timeline';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import type { FirstView } from './first-view';
import { focusIsLost, LANDMARKS } from './focus';
import { Later, useReadyWhenAll } from './hydrate-later';
import { EmbedBar, LocalListMissing, PlaybackOverlay } from './page-notices';
import { isPhoneLayout, PhoneTabs, usePhoneLayout, useTabPanels, type PhoneTab } from './PhoneTabs';
import { useAtlasView, useListGroups } from './use-atlas-view';
import './page-modes.css';
import { StoryOf, useStorySource } from './use-story';

// Loaded when first shown, not with the first view (issue 16), each with its own styles: the map without WebGL, the about dialog (its hundreds
// of correction rows), the presentation (the storyline).
const StaticMap = lazy(() => import('./map/StaticMap').then((m) => ({ default: m.StaticMap })));
const AboutData = lazy(() => import('./panels/AboutData').then((m) => ({ default: m.AboutData })));
const Presentation = lazy(() => import('./panels/Presentation').then((m) => ({ default: m.Presentation })));
// The strip over the presentation's caption comes with the presentation (and its styles with it).
const TimelineStrip = lazy(() => import('./timeline/TimelineStrip').then((m) => ({ default: m.TimelineStrip })));
const enterPresentation = (runtime: Runtime) => import('./panels/Presentation').then((m) => m.enterPresentation(runtime));

const NO_IDS: string[] = [];
// In a keystroke's own render the map's props are unchanged (its view comes a render later, SettledView): memoised,
// it is skipped there, as the timeline (memo) is.
const MemoMap = memo(AtlasMap);
const NO_LINKS: Link[] = [];

interface Props {
  atlas: ShownAtlas;
  options: PageOptions;
  lists: ListSwitch;
  notice: Notice;
  firstView: FirstView;
  /** MapLibre's module, asked for once per page (map/map-module.ts). */
  loadMap?: () => Promise<MapModule>;
  /** The map started before hydration (map/early-map.ts), which the map view takes over. */
  earlyMap?: EarlyMap;
  /** The map has drawn (or cannot be drawn): the page is ready. */
  onReady(): void;
}

export function AtlasPage({ atlas, options, lists, notice, firstView, onReady, loadMap = loadMapModule, earlyMap }: Props) {
  const { index, basemap } = atlas;
  const runtime = useRuntime();
  const lang = useAtlas((s) => s.lang);
  const { setYearRange } = useAtlasActions();
  // Best match first while searching; without a query it is name order.
  const [sort, setSort] = useState<ListSort>('relevance');
  const [listLimit, setListLimit] = useState(LIST_STEP);
  const [aboutOpen, setAboutOpen] = useState(false);
  // Mounted at its first opening, then kept: closing the dialog returns focus to the button that opened it.
  const [aboutMounted, setAboutMounted] = useState(false);
  useEffect(() => {
    if (aboutOpen) setAboutMounted(true);
  }, [aboutOpen]);
  const [mapError, setMapError] = useState<Error | null>(null);
  const { view, filters, frame } = useAtlasView(index);
  const comparison = useComparison(index, filters.compare, view.evaluation);
  const homeCount = useHomeCount(index, view.evaluation);
  // The storyline by year (derived when idle, once per filter change): the timeline's marks, the overlay's caption.
  const storySource = useStorySource(index, filters);
  const classTitles = useCompareTitles(index, comparison, lang);
  const basis = useAtlas((s) => s.playbackSettings.basis ?? 'signed');
  const fullYears = useMemo(() => countByYear(index.links, index.yearExtent, basis), [index, basis]);
  const compareBars = useCompareBars(index, comparison, view.evaluation, basis, lang);
  // What the counts, the filter panel's facet counts, the map and the timeline show: one value, deferred together
  // outside playback (SettledView), so that no painted frame shows the counts of one result beside the map of another.
  const shown = useMemo(() => ({ view, homeCount, comparison, compareBars }), [view, homeCount, comparison, compareBars]);
  const urgent = frame !== null;
  // One element while the language and the dataset stay, so the memoised timeline is not rendered again for a new one.
  const controls = useMemo(() => <PlaybackControls lang={lang} hasEndDates={index.hasEndDates} />, [lang, index.hasEndDates]);
  const regionNames = useMemo(() => Object.fromEntries(index.dataset.regions.map((r) => [r.id, r.name[lang]])) as Record<RegionId, string>, [index, lang]);
  // Stable callbacks, so the memoised list and the about dialog skip re-rendering when only the filters changed.
  const showMore = useCallback(() => setListLimit((n) => n + LIST_STEP), []);
  const closeAbout = useCallback(() => setAboutOpen(false), []);
  useEffect(() => prepareSearchWhenIdle(index), [index]);
  // The map, once created, goes into the runtime's slot (exports, share links, presentation reach it there) and
  // into the documented automation hook.
  const onMap = useCallback(
    (controller: MapController | null) => {
      runtime.map.set(controller);
      if (controller) window.__partnerAtlasMap = controller.automationHook();
      else delete window.__partnerAtlasMap;
    },
    [runtime],
  );
  // Ready when the map has drawn (or cannot be) and the parts hydrated after it are in (hydrate-later.tsx).
  const partIn = useReadyWhenAll(onReady);
  const mapIn = useCallback(() => partIn('map'), [partIn]);
  const onMapError = useCallback(
    (error: Error) => {
      console.warn('map unavailable:', error.message);
      setMapError(error);
      mapIn();
    },
    [mapIn],
  );

  useEffect(() => firstView.mark(), [firstView]);

  const texts = useMemo(() => datasetTexts(lang, index.dataset), [lang, index]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = texts.title;
  }, [lang, texts]);

  const presenting = useAtlas((s) => s.presentStep !== null);
  // Leaving the presentation (Esc, its button, the browser's full-screen exit) removes what had focus: it goes
  // back to the Present button, shown again with the header.
  const presentButton = useRef<HTMLButtonElement>(null);
  // The current view's links, read when a CSV is asked for; with them the header is one element while what it shows
  // stays, so a filter change does not render it (issue 29).
  const viewNow = useRef(view);
  viewNow.current = view;
  const currentLinks = useCallback(() => viewNow.current.links, []);
  const header = useMemo(
    () => (
      <AppHeader lang={lang} title={texts.title} subtitle={texts.subtitle}>
        <button type="button" className="header-button" ref={presentButton} onClick={() => void enterPresentation(runtime)} data-testid="present">
          {t(lang, 'present')}
        </button>
        <ShareMenu lang={lang} localList={options.localList} localListId={options.localListId} />
        <ExportMenu lang={lang} mapAvailable={mapError === null} index={index} links={currentLinks} regionNames={regionNames} />
        <ImportPanel
          lang={lang}
          base={lists.builtIn}
          importedFile={lists.importedFile}
          dropEnabled={!options.embed && !presenting}
          onApply={lists.apply}
          onReset={lists.reset}
        />
        <button type="button" className="link-button" onClick={() => setAboutOpen(true)} data-testid="about-open">
          {t(lang, 'aboutData')}
        </button>
      </AppHeader>
    ),
    [lang, texts, runtime, options.localList, options.localListId, options.embed, mapError, index, currentLinks, regionNames, lists, presenting],
  );
  const wasPresenting = useRef(presenting);
  useEffect(() => {
    if (wasPresenting.current && !presenting && focusIsLost()) presentButton.current?.focus();
    wasPresenting.current = presenting;
  }, [presenting]);
  const singleCountry = filters.countries.length === 1 ? filters.countries[0]! : null;
  // The storyline needs the link list itself: built only while presenting, from the filters (years included), not
  // from each playback year's view, so its numbers are the ones the map and the counts show.
  const storyLinks = useMemo(() => (presenting ? filterLinks(index, filters) : NO_LINKS), [presenting, index, filters]);
  const settings = useAtlas((s) => s.playbackSettings);
  const playRange = playbackRange(filters.yearRange, index.yearExtent);
  const stripBins = useMemo(() => view.years.bins.filter((b) => b.year >= playRange[0] && b.year <= playRange[1]), [view.years, playRange[0], playRange[1]]);
  const [tab, setTab] = useState<PhoneTab>('map');
  const selected = useAtlas((s) => s.selected);
  // On a phone the card lives on the map tab: choosing an institution in the list goes there.
  useEffect(() => {
    if (selected && isPhoneLayout()) setTab('map');
  }, [selected]);
  // "Show N institutions" (the filters tab's foot, scrolled down with the filters) opens the list at its top.
  const listFromFilters = useRef(false);
  const showResults = () => {
    listFromFilters.current = true;
    setTab('list');
  };
  useEffect(() => {
    if (tab !== 'list' || !listFromFilters.current) return;
    listFromFilters.current = false;
    const results = document.getElementById(LANDMARKS.results);
    // Any scroller it is in (or is) starts at its top, then the list's top comes under the sticky tabs.
    for (let el: HTMLElement | null = results; el; el = el.parentElement) if (el.scrollTop > 0) el.scrollTop = 0;
    results?.scrollIntoView({ block: 'start' });
  }, [tab]);
  const phone = usePhoneLayout();
  const { groups, year: listYear } = useListGroups(index, view, frame?.year ?? null, lang, sort, listLimit, comparison, phone && tab !== 'list');
  const tabPanels = useTabPanels(phone);
  const className = ['app', `tab-${tab}`, presenting ? 'presenting' : '', options.embed ? 'embed' : '', options.autoplay ? 'kiosk' : '']
    .filter(Boolean)
    .join(' ');
  // A failed panel is drawn again when the language or the filters change (or on its "Try again").
  const resetKey = useMemo(() => ({ lang, filters }), [lang, filters]);
  const panelError = (error: Error) => (
    <p className="panel-error" role="alert">
      {t(lang, 'panelErrorDetail', { error: error.message })}
    </p>
  );

  return (
    <div className={className}>
      {/* Skip links, in the page's order: past the header and the hundreds of result rows. */}
      <nav className="skip-links" aria-label={t(lang, 'skipLinks')}>
        <a className="skip-link" href={`#${LANDMARKS.results}`} data-testid="skip-results">
          {t(lang, 'skipToResults')}
        </a>
        <a className="skip-link" href={`#${LANDMARKS.map}`} data-testid="skip-map">
          {t(lang, 'skipToMap')}
        </a>
        <a className="skip-link" href={`#${LANDMARKS.timeline}`} data-testid="skip-timeline">
          {t(lang, 'skipToTimeline')}
        </a>
      </nav>
      <Later part="header" onIn={partIn}>
        {header}
      </Later>
      <PhoneTabs lang={lang} tab={tab} onTab={setTab} />
      <aside className="sidebar">
        <Later part="sidebar" onIn={partIn}>
          <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
            <SettledView value={shown} urgent={urgent}>
              {(s) => (
                <>
                  <Summary lang={lang} summary={s.view.summary} homes={s.homeCount} />
                  <CompareSummary lang={lang} index={index} comparison={s.comparison} />
                </>
              )}
            </SettledView>
          </ErrorBoundary>
          <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
            <SettledView value={shown} urgent={urgent}>
              {(s) => <FilterPanel lang={lang} index={index} facets={s.view} tabPanel={tabPanels.filters} />}
            </SettledView>
          </ErrorBoundary>
          {/* Phones only (CSS): the filters tab ends with the way to what they give, always in reach. */}
          <SettledView value={shown} urgent={urgent}>
            {(s) => (
              <button type="button" className="show-results" onClick={showResults} data-testid="show-results">
                {t(lang, 'showResults', { n: s.view.summary.institutions })}
              </button>
            )}
          </SettledView>
          <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
            <ResultsList
              lang={lang}
              groups={groups}
              year={listYear}
              sort={sort}
              onSort={setSort}
              limit={listLimit}
              onShowMore={showMore}
              tabPanel={tabPanels.list}
              classTitles={classTitles}
            />
          </ErrorBoundary>
        </Later>
      </aside>
      <main className="main" id={LANDMARKS.map} tabIndex={-1} {...tabPanels.map}>
        <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
          {mapError ? (
            <div className="map-unavailable" data-testid="map-unavailable">
              {/* Our words in the page's language: MapLibre's own message is English and links off the site. */}
              <p role="alert" data-testid="map-unavailable-message">
                {t(lang, 'mapUnavailable')}
              </p>
              <Suspense fallback={null}>
                <StaticMap lang={lang} index={index} world={atlas.world} countryCounts={view.countryCounts} />
              </Suspense>
            </div>
          ) : (
            <SettledView value={shown} urgent={urgent}>
              {({ view: settled }) => (
                <MemoMap
                  lang={lang}
                  index={index}
                  basemap={basemap}
                  view={settled}
                  countryCounts={settled.countryCounts}
                  newInstitutionIds={frame?.newInstitutionIds ?? NO_IDS}
                  camera={options.camera}
                  onRendered={mapIn}
                  onError={onMapError}
                  onMap={onMap}
                  firstViewPainted={firstView.painted}
                  loadMap={loadMap}
                  early={earlyMap}
                />
              )}
            </SettledView>
          )}
        </ErrorBoundary>
        {frame && (
          <StoryOf source={storySource} lang={lang}>
            {(story) => (
              <PlaybackOverlay
                lang={lang}
                year={frame.year}
                total={frame.runningTotal}
                fresh={frame.newInstitutionIds.length}
                story={story?.get(frame.year)?.[0] ?? null}
              />
            )}
          </StoryOf>
        )}
        {presenting && (
          <Suspense fallback={null}>
            <Presentation
              lang={lang}
              index={index}
              links={storyLinks}
              strip={
                <TimelineStrip
                  lang={lang}
                  bins={stripBins}
                  year={frame?.year ?? null}
                  shown={frame ? visibleYearRange(frame.year, settings, playRange) : null}
                />
              }
            />
          </Suspense>
        )}
        {options.embed && (
          <SettledView value={shown} urgent={urgent}>
            {(s) => <EmbedBar lang={lang} title={texts.title} summary={s.view.summary} />}
          </SettledView>
        )}
        <div className="overlays">
          <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
            <InstitutionCard lang={lang} index={index} />
            <SettledView value={shown} urgent={urgent}>
              {(s) => singleCountry && <CountryDetails lang={lang} index={index} code={singleCountry} count={s.view.countryCounts.get(singleCountry)} />}
            </SettledView>
          </ErrorBoundary>
        </div>
        <Later part="timeline" onIn={partIn}>
          <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
            <SettledView value={shown} urgent={urgent}>
              {(s) => (
                <StoryOf source={storySource} lang={lang}>
                  {(story) => (
                    <Timeline
                      lang={lang}
                      extent={index.yearExtent}
                      full={fullYears}
                      filtered={s.view.years}
                      cumulative={s.view.cumulative}
                      yearRange={filters.yearRange}
                      regionNames={regionNames}
                      onChange={setYearRange}
                      playYear={frame?.year ?? null}
                      controls={controls}
                      compareBars={s.compareBars}
                      story={story}
                    />
                  )}
                </StoryOf>
              )}
            </SettledView>
          </ErrorBoundary>
        </Later>
      </main>
      {(aboutOpen || aboutMounted) && (
        <Suspense fallback={null}>
          <AboutData lang={lang} dataset={index.dataset} open={aboutOpen} onClose={closeAbout} />
        </Suspense>
      )}
      {notice?.kind === 'local-list-missing' && <LocalListMissing lang={lang} />}
      {notice?.kind === 'list-invalid' && <StoredListProblem lang={lang} notice={notice} onRepair={lists.repair} onDrop={lists.drop} />}
    </div>
  );
}

/**
 * What the numbers on the page show, outside playback a render after the list (a deferred value): a keystroke or a
 * filter change commits the list first, and the counts, the facet counts, the map's model and the timeline's bars
 * together in the next task (issue 29). Every SettledView of a render takes its deferred value in the same deferred
 * render, so they change in one commit: no frame shows the counts of one result beside the map or the bars of another
 * (tests/e2e/typing-frames.spec.ts). Only these wrappers render again for it. While playing (`urgent`) the numbers
 * and the map move first (the list is the one deferred, useListGroups).
 */
function SettledView<T>({ value, urgent, children }: { value: T; urgent: boolean; children(value: T): ReactNode }) {
  const deferred = useDeferredValue(urgent ? null : value);
  return children(urgent ? value : (deferred ?? value));
}
