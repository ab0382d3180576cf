// The app shell: loads the atlas, derives the filtered view once per change, and lays out the panels.
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { countByYear } from '../domain/aggregate';
import { listGroups, viewAtYear, type AtlasView, type ListGroup, type ListSort } from '../domain/view';
import type { AtlasIndex, Link } from '../domain/atlas-index';
import { DatasetError, type Lang, type RegionId } from '../domain/schema';
import { AtlasMap } from '../ui/map/AtlasMap';
import { CountryDetails } from '../ui/panels/CountryDetails';
import { FilterPanel } from '../ui/panels/FilterPanel';
import { InstitutionCard } from '../ui/panels/InstitutionCard';
import { LIST_STEP, ResultsList } from '../ui/panels/ResultsList';
import { Summary } from '../ui/panels/Summary';
import { selectFilters } from '../state/atlas-store';
import { RuntimeContext, useAtlas, useAtlasActions, useRuntime, type Runtime } from '../state/runtime';
import type { MapController } from '../adapters/maplibre/map-controller';
import { Timeline } from '../ui/timeline/Timeline';
import { TimelineStrip } from '../ui/timeline/TimelineStrip';
import { filterLinks } from '../domain/filters';
import { playbackRange, visibleYearRange } from '../domain/playback';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { focusIsLost, LANDMARKS, type TabPanelAttributes } from '../ui/focus';
import { startRuntime, type StartedRuntime } from './start-runtime';
import type { PageOptions } from '../state/url-sync';
import { pageUrl } from '../state/url';
import { browserLang, t } from '../i18n/messages';
import { datasetTexts } from '../i18n/dataset-texts';
import { loadAtlas, type LoadedAtlas } from './load-atlas';
import { PlaybackControls } from '../ui/timeline/PlaybackControls';
import { ExportMenu } from '../ui/panels/ExportMenu';
import { ShareMenu } from '../ui/panels/ShareMenu';
import { UpdatePrompt } from '../ui/UpdatePrompt';
import { registerServiceWorker } from './service-worker';
import { ImportPanel } from '../ui/panels/ImportPanel';
import { buildIndex } from '../domain/atlas-index';
import type { Dataset } from '../domain/schema';
import { validateDataset } from '../domain/validate-dataset';
import { forgetList, loadSavedList, saveList } from '../adapters/storage/imported-list';
import { markFirstView } from '../ui/first-view';

// Loaded when first shown, not with the first view (issue 16): the map without WebGL, the about dialog (its hundreds
// of correction rows), the presentation (the storyline).
const StaticMap = lazy(() => import('../ui/map/StaticMap').then((m) => ({ default: m.StaticMap })));
const AboutData = lazy(() => import('../ui/panels/AboutData').then((m) => ({ default: m.AboutData })));
const Presentation = lazy(() => import('../ui/panels/Presentation').then((m) => ({ default: m.Presentation })));
const enterPresentation = (runtime: Runtime) => import('../ui/panels/Presentation').then((m) => m.enterPresentation(runtime));

/** Phones show one of three views at a time (see app.css). */
const MOBILE_QUERY = '(max-width: 760px)';
const MOBILE_TABS = ['map', 'filters', 'list'] as const;
type MobileTab = (typeof MOBILE_TABS)[number];
const TAB_LABELS = { map: 'tabMap', filters: 'filters', list: 'results' } as const;
/** The element each phone tab shows. */
const TAB_PANELS = { map: LANDMARKS.map, filters: LANDMARKS.filters, list: LANDMARKS.results } as const;
const NO_TAB_PANEL = {};

/** Whether the page is laid out for a phone (tabs), following the window's size. */
function usePhoneLayout(): boolean {
  const [phone, setPhone] = useState(() => matchMedia(MOBILE_QUERY).matches);
  useEffect(() => {
    const query = matchMedia(MOBILE_QUERY);
    const onChange = () => setPhone(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return phone;
}

/** The WAI-ARIA tabs pattern's keys, with automatic activation: the next tab, or null for other keys. */
function tabForKey(key: string, current: MobileTab): MobileTab | null {
  const i = MOBILE_TABS.indexOf(current);
  const n = MOBILE_TABS.length;
  if (key === 'ArrowRight') return MOBILE_TABS[(i + 1) % n]!;
  if (key === 'ArrowLeft') return MOBILE_TABS[(i - 1 + n) % n]!;
  if (key === 'Home') return MOBILE_TABS[0];
  if (key === 'End') return MOBILE_TABS[n - 1]!;
  return null;
}
const NO_IDS: string[] = [];
const NO_LINKS: Link[] = [];

/** Embed mode (`?embed=1`): counts and a way to the full atlas, over a map without panels. */
function EmbedBar({ lang, title, summary }: { lang: Lang; title: string; summary: { agreements: number; institutions: number; countries: number } }) {
  const full = new URLSearchParams(location.search);
  full.delete('embed');
  return (
    <div className="embed-bar" data-testid="embed-bar">
      <strong>{title}</strong>
      <span>{t(lang, 'summaryCounts', summary)}</span>
      <a href={pageUrl(location, `?${full.toString()}`)} target="_blank" rel="noopener">
        {t(lang, 'openFullAtlas')}
      </a>
    </div>
  );
}

function PlaybackOverlay({ lang, year, total, fresh }: { lang: Lang; year: number; total: number; fresh: number }) {
  return (
    <div className="playback-overlay" aria-live="off" data-testid="playback-overlay">
      <span className="playback-year" data-testid="playback-year">
        {year}
      </span>
      <span className="playback-total">{t(lang, 'playbackDetail', { total, fresh })}</span>
    </div>
  );
}

type LoadState =
  | { status: 'loading' }
  | {
      status: 'ready';
      /** The atlas shown: the built-in one, or an imported list's (importedFile names it). */
      atlas: LoadedAtlas;
      builtIn: LoadedAtlas;
      importedFile: string | null;
      started: StartedRuntime;
      /** Counts the lists shown: each one is a new page (the Atlas below is keyed by it). */
      generation: number;
      notice: Notice;
    }
  | { status: 'error'; error: Error };

/** A note the page opens with: a `list=local` link whose list is not in this browser. */
type Notice = 'local-list-missing' | null;

/** How an imported list is shown and left: the app restarts the runtime on the new dataset (ImportPanel). */
interface ListSwitch {
  builtIn: Dataset;
  importedFile: string | null;
  apply(dataset: Dataset, fileName: string, json: Blob): void;
  reset(): void;
}

let resolveReady: () => void = () => {};
/** Settles when the page is first ready: the offline worker registers then, not during the first load. */
const atlasReady = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
const markReady = () => {
  performance.mark('atlas:ready');
  document.documentElement.setAttribute('data-ready', 'true');
  resolveReady();
};

/** The offline worker, registered once per page (StrictMode runs effects twice). */
let serviceWorker: { onNeedRefresh: Set<() => void>; update: () => Promise<void> } | null = null;

/** Whether a new version waits in the service worker, and the way to reload into it. */
function useWaitingUpdate(): { waiting: boolean; reload(): void; dismiss(): void } {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    const show = () => setWaiting(true);
    let cancelled = false;
    atlasReady.then(() => {
      if (cancelled) return;
      if (!serviceWorker) {
        const listeners = new Set<() => void>();
        serviceWorker = {
          onNeedRefresh: listeners,
          update: registerServiceWorker(() => {
            for (const listener of listeners) listener();
          }),
        };
      }
      serviceWorker.onNeedRefresh.add(show);
    });
    return () => {
      cancelled = true;
      serviceWorker?.onNeedRefresh.delete(show);
    };
  }, []);
  return useMemo(
    () => ({
      waiting,
      reload: () => void serviceWorker?.update(),
      dismiss: () => setWaiting(false),
    }),
    [waiting],
  );
}

export function App() {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const fallbackLang = useMemo(() => browserLang(navigator.languages ?? [navigator.language]), []);
  const update = useWaitingUpdate();

  // The runtime now running: stopped on unmount, or when another list replaces it.
  const running = useRef<StartedRuntime | null>(null);
  useEffect(() => {
    loadAtlas().then(
      async (atlas) => {
        // A list opened on an earlier visit is shown again, if it is still a valid dataset: on a plain visit, or by a
        // link that says it is of that list (list=local). Any other link is of the built-in list, and shows it.
        const params = new URLSearchParams(location.search);
        const linkIsLocal = params.get('list') === 'local';
        const plainVisit = [...params.keys()].every((key) => key === 'lang');
        const saved = linkIsLocal || plainVisit ? await loadSavedList() : null;
        let shown = atlas;
        let importedFile: string | null = null;
        let search = location.search;
        let notice: Notice = null;
        if (saved) {
          try {
            shown = { ...atlas, index: buildIndex(validateDataset(saved.dataset)) };
            importedFile = saved.fileName;
          } catch {
            void forgetList();
          }
        }
        if (linkIsLocal && importedFile === null) {
          // The link's list stays in the browser it was opened in: its view would be wrong data here. The built-in
          // list is shown as it opens (in the link's language), and the page says why.
          notice = 'local-list-missing';
          const lang = params.get('lang');
          search = lang === null ? '' : `?${new URLSearchParams({ lang }).toString()}`;
          history.replaceState(history.state, '', pageUrl(location, search, location.hash));
        }
        const started = startRuntime(shown.index, fallbackLang, search, importedFile !== null);
        running.current = started;
        setLoad({ status: 'ready', atlas: shown, builtIn: atlas, importedFile, started, generation: 0, notice });
      },
      (error: unknown) => setLoad({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => running.current?.stop();
  }, [fallbackLang]);

  // Shows another dataset (an imported list, or the built-in one again): a new index and a new runtime, in the
  // language the page is in.
  const show = useCallback(
    (builtIn: LoadedAtlas, atlas: LoadedAtlas, importedFile: string | null) => {
      const lang = running.current?.runtime.store.getState().lang ?? fallbackLang;
      running.current?.stop();
      const started = startRuntime(atlas.index, fallbackLang, location.search, importedFile !== null);
      started.runtime.store.getState().setLang(lang);
      running.current = started;
      setLoad((previous) => ({
        status: 'ready',
        atlas,
        builtIn,
        importedFile,
        started,
        generation: previous.status === 'ready' ? previous.generation + 1 : 0,
        notice: null,
      }));
    },
    [fallbackLang],
  );
  const lists = useMemo<ListSwitch | null>(() => {
    if (load.status !== 'ready') return null;
    const { builtIn, importedFile } = load;
    return {
      builtIn: builtIn.index.dataset,
      importedFile,
      apply: (dataset, fileName, json) => {
        show(builtIn, { ...builtIn, index: buildIndex(dataset) }, fileName);
        void saveList(fileName, json);
      },
      reset: () => {
        show(builtIn, builtIn, null);
        void forgetList();
      },
    };
  }, [load, show]);

  if (load.status === 'loading') return <p className="splash">{t(fallbackLang, 'loading')}</p>;
  if (load.status === 'error') return <LoadError lang={fallbackLang} error={load.error} />;
  return (
    <RuntimeContext.Provider value={load.started.runtime}>
      {/* A new list is a new page: the map, the panels and their state start again from its dataset. */}
      <Atlas key={load.generation} atlas={load.atlas} options={load.started.options} lists={lists!} update={update} notice={load.notice} />
    </RuntimeContext.Provider>
  );
}

/** Opened by a `list=local` link in a browser that does not have that list: the built-in list is shown instead. */
function LocalListMissing({ lang }: { lang: Lang }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className="page-notice" role="status" data-testid="local-list-missing">
      <span>{t(lang, 'localListMissing')}</span>
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        {t(lang, 'close')}
      </button>
    </div>
  );
}

function LoadError({ lang, error }: { lang: Lang; error: Error }) {
  return (
    <main className="splash error" role="alert" data-testid="load-error">
      <h1>{t(lang, 'datasetError')}</h1>
      <p>{error.message}</p>
      {error instanceof DatasetError && (
        <ul>
          {error.problems.slice(0, 20).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </main>
  );
}

function useAtlasView(index: AtlasIndex) {
  const filters = useAtlas(useShallow(selectFilters));
  const playYear = useAtlas((s) => s.playYear);
  const settings = useAtlas((s) => s.playbackSettings);
  return useMemo(() => {
    const { view, frame } = viewAtYear(index, filters, playYear, settings);
    return { view, filters, frame };
  }, [index, filters, playYear, settings]);
}

/**
 * The results list. Outside playback it is built with the counts, in the same render: a search or a filter answers in
 * words first (the map follows after that frame, see AtlasMap). While playing it is built from a deferred copy of
 * the view, so the map and the counts move first; it still follows each year (once a year, at most five times a
 * second at 4×, is affordable; a list frozen on other years is not), so it shows what the map and the counts show.
 */
function useListGroups(
  index: AtlasIndex,
  view: AtlasView,
  playYear: number | null,
  lang: Lang,
  sort: ListSort,
  listLimit: number,
): { groups: ListGroup[]; year: number | null } {
  // Deferred only while playing: outside playback a deferred copy would cost a second render of the page per change.
  // The year goes with its view, so the list can say which year it shows when it is behind the counts (issue 26).
  const current = useMemo(() => ({ view, year: playYear }), [view, playYear]);
  const deferred = useDeferredValue<{ view: AtlasView; year: number | null } | null>(playYear !== null ? current : null, null);
  const shown = playYear !== null ? (deferred ?? current) : current;
  const groups = useMemo(() => listGroups(index, shown.view, lang, sort, listLimit), [index, shown.view, lang, sort, listLimit]);
  return { groups, year: shown.year };
}

function Atlas({
  atlas,
  options,
  lists,
  update,
  notice,
}: {
  atlas: LoadedAtlas;
  options: PageOptions;
  lists: ListSwitch;
  update: ReturnType<typeof useWaitingUpdate>;
  notice: Notice;
}) {
  const { index, basemap } = atlas;
  const runtime = useRuntime();
  const lang = useAtlas((s) => s.lang);
  const { setLang, setYearRange } = useAtlasActions();
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
  const { groups, year: listYear } = useListGroups(index, view, frame?.year ?? null, lang, sort, listLimit);
  const basis = useAtlas((s) => s.playbackSettings.basis ?? 'signed');
  const fullYears = useMemo(() => countByYear(index.links, index.yearExtent, basis), [index, basis]);
  const regionNames = useMemo(() => Object.fromEntries(index.dataset.regions.map((r) => [r.id, r.name[lang]])) as Record<RegionId, string>, [index, lang]);
  // Stable callbacks, so the memoised list and the about dialog skip re-rendering when only the filters changed.
  const showMore = useCallback(() => setListLimit((n) => n + LIST_STEP), []);
  const closeAbout = useCallback(() => setAboutOpen(false), []);
  // Fold the search text in idle slices, so the first keystroke does not pay for it (~0.5 s at 100k agreements)
  // and the page never blocks on it.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    let id = 0;
    const work = (deadline: IdleDeadline) => {
      if (!index.prepareSearch(() => deadline.timeRemaining() > 1)) id = requestIdleCallback(work);
    };
    id = requestIdleCallback(work);
    return () => cancelIdleCallback(id);
  }, [index]);
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
  const onMapError = useCallback((error: Error) => {
    console.warn('map unavailable:', error.message);
    setMapError(error);
    markReady();
  }, []);

  useEffect(markFirstView, []);

  const texts = useMemo(() => datasetTexts(lang, index.dataset), [lang, index]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = texts.title;
  }, [lang, texts]);

  const presenting = useAtlas((s) => s.presentStep !== null);
  // Leaving the presentation (Esc, its button, the browser's full-screen exit) removes what had focus: it goes
  // back to the Present button, shown again with the header.
  const presentButton = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(presenting);
  useEffect(() => {
    if (wasPresenting.current && !presenting && focusIsLost()) presentButton.current?.focus();
    wasPresenting.current = presenting;
  }, [presenting]);
  const singleCountry = filters.countries.length === 1 ? filters.countries[0]! : null;
  const overlay = frame
    ? {
        year: String(frame.year),
        detail: t(lang, 'playbackDetail', { total: frame.runningTotal, fresh: frame.newInstitutionIds.length }),
      }
    : null;
  const renderedYearRef = useRef<number | null>(null);
  renderedYearRef.current = frame?.year ?? null;
  const renderedYear = useCallback(() => renderedYearRef.current, []);
  // The storyline needs the link list itself: built only while presenting, from the filters (years included), not
  // from each playback year's view, so its numbers are the ones the map and the counts show.
  const storyLinks = useMemo(() => (presenting ? filterLinks(index, filters) : NO_LINKS), [presenting, index, filters]);
  const settings = useAtlas((s) => s.playbackSettings);
  const playRange = playbackRange(filters.yearRange, index.yearExtent);
  const stripBins = useMemo(() => view.years.bins.filter((b) => b.year >= playRange[0] && b.year <= playRange[1]), [view.years, playRange[0], playRange[1]]);
  const [tab, setTab] = useState<MobileTab>('map');
  const selected = useAtlas((s) => s.selected);
  // On a phone the card lives on the map tab: choosing an institution in the list goes there.
  useEffect(() => {
    if (selected && matchMedia(MOBILE_QUERY).matches) setTab('map');
  }, [selected]);
  const phone = usePhoneLayout();
  const onTabKey = (e: React.KeyboardEvent<HTMLElement>) => {
    const next = tabForKey(e.key, tab);
    if (!next) return;
    e.preventDefault();
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  // On a phone the map, the filters and the list are the tabs' panels; on a wide screen there are no tabs.
  const tabPanels = useMemo(
    () =>
      Object.fromEntries(MOBILE_TABS.map((name) => [name, phone ? { role: 'tabpanel' as const, 'aria-labelledby': `tab-${name}` } : NO_TAB_PANEL])) as Record<
        MobileTab,
        TabPanelAttributes
      >,
    [phone],
  );
  const className = ['app', `tab-${tab}`, presenting ? 'presenting' : '', options.embed ? 'embed' : ''].filter(Boolean).join(' ');
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
      <header className="app-header">
        <div>
          <h1>{texts.title}</h1>
          <p className="subtitle">{texts.subtitle}</p>
        </div>
        <div className="header-actions">
          <button type="button" className="header-button" ref={presentButton} onClick={() => void enterPresentation(runtime)} data-testid="present">
            {t(lang, 'present')}
          </button>
          <ShareMenu lang={lang} localList={options.localList} />
          <ExportMenu
            lang={lang}
            mapAvailable={mapError === null}
            index={index}
            view={view}
            regionNames={regionNames}
            overlay={overlay}
            renderedYear={renderedYear}
          />
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
          {/* biome-ignore lint/a11y/useSemanticElements: a row of two toggle buttons in the header; a fieldset's legend and border would not fit it */}
          <div className="lang-switch" role="group" aria-label={t(lang, 'language')}>
            {(['ja', 'en'] as const).map((l) => (
              <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} data-testid={`lang-${l}`} lang={l}>
                {l === 'ja' ? '日本語' : 'English'}
              </button>
            ))}
          </div>
        </div>
      </header>
      <div className="mobile-tabs" role="tablist" aria-label={t(lang, 'views')} onKeyDown={onTabKey}>
        {MOBILE_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={TAB_PANELS[name]}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            data-testid={`tab-${name}`}
          >
            {t(lang, TAB_LABELS[name])}
          </button>
        ))}
      </div>
      <aside className="sidebar">
        <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
          <Summary lang={lang} summary={view.summary} />
        </ErrorBoundary>
        <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
          <FilterPanel lang={lang} index={index} facets={view} tabPanel={tabPanels.filters} />
        </ErrorBoundary>
        {/* Phones only (CSS): the filters tab ends with the way to what they give, always in reach. */}
        <button type="button" className="show-results" onClick={() => setTab('list')} data-testid="show-results">
          {t(lang, 'showResults', { n: view.summary.institutions })}
        </button>
        <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
          <ResultsList
            lang={lang}
            groups={groups}
            year={listYear === null || frame === null ? null : { list: listYear, playback: frame.year }}
            sort={sort}
            onSort={setSort}
            limit={listLimit}
            onShowMore={showMore}
            tabPanel={tabPanels.list}
          />
        </ErrorBoundary>
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
            <AtlasMap
              lang={lang}
              index={index}
              basemap={basemap}
              view={view}
              countryCounts={view.countryCounts}
              newInstitutionIds={frame?.newInstitutionIds ?? NO_IDS}
              camera={options.camera}
              onRendered={markReady}
              onError={onMapError}
              onMap={onMap}
            />
          )}
        </ErrorBoundary>
        {frame && <PlaybackOverlay lang={lang} year={frame.year} total={frame.runningTotal} fresh={frame.newInstitutionIds.length} />}
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
        {options.embed && <EmbedBar lang={lang} title={texts.title} summary={view.summary} />}
        <div className="overlays">
          <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
            <InstitutionCard lang={lang} index={index} />
            {singleCountry && <CountryDetails lang={lang} index={index} code={singleCountry} count={view.countryCounts.get(singleCountry)} />}
          </ErrorBoundary>
        </div>
        <ErrorBoundary lang={lang} fallback={panelError} resetKey={resetKey}>
          <Timeline
            lang={lang}
            extent={index.yearExtent}
            full={fullYears}
            filtered={view.years}
            cumulative={view.cumulative}
            yearRange={filters.yearRange}
            regionNames={regionNames}
            onChange={setYearRange}
            playYear={frame?.year ?? null}
            controls={<PlaybackControls lang={lang} hasEndDates={index.hasEndDates} />}
          />
        </ErrorBoundary>
      </main>
      {(aboutOpen || aboutMounted) && (
        <Suspense fallback={null}>
          <AboutData lang={lang} dataset={index.dataset} open={aboutOpen} onClose={closeAbout} />
        </Suspense>
      )}
      {update.waiting && <UpdatePrompt lang={lang} onReload={update.reload} onDismiss={update.dismiss} />}
      {notice === 'local-list-missing' && <LocalListMissing lang={lang} />}
    </div>
  );
}
