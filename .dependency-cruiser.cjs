// Layer rules for src/, checked by `npm test` (npm run lint:layers). Imports go downward only:
//   domain (pure core) ← i18n, state, style ← adapters ← ui ← app (composition root)
// and the pipeline (Node, build time) uses the core only. See README, "Code layout".
const layer = (name, mayImport) => ({
  name: `${name}-imports-downward`,
  comment: `src/${name} may import only from ${mayImport.map((l) => `src/${l}`).join(', ') || 'itself'}`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...mayImport.map((l) => `^src/${l}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'nothing-imports-app',
      comment: 'src/app is the composition root: it creates the shared things and passes them down by context; nothing imports it',
      severity: 'error',
      from: { pathNot: '^src/app/' },
      to: { path: '^src/app/' },
    },
    layer('domain', []),
    layer('i18n', ['domain']),
    layer('style', ['domain']),
    layer('state', ['domain', 'i18n']),
    layer('adapters', ['domain', 'i18n', 'state', 'style']),
    layer('ui', ['domain', 'i18n', 'state', 'style', 'adapters']),
    // The command line words the importer's reasons from the i18n catalog (English), as the page does.
    layer('pipeline', ['domain', 'i18n']),
    {
      name: 'media-reaches-map-through-interface',
      comment: 'export code reaches the map only through the MapHandle interface in src/state, never MapLibre itself',
      severity: 'error',
      from: { path: '^src/adapters/media/' },
      to: { path: ['^src/adapters/maplibre/', 'node_modules/maplibre-gl'] },
    },
    {
      name: 'maplibre-stays-in-its-adapter',
      comment: 'MapLibre is used by src/adapters/maplibre only',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/adapters/maplibre/' },
      to: { path: 'node_modules/maplibre-gl' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles between modules',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ui-folders-do-not-import-each-other',
      comment: 'src/ui/map, src/ui/panels and src/ui/timeline are siblings: shared things go down a layer',
      severity: 'error',
      from: { path: '^src/ui/([^/]+)/' },
      to: { path: '^src/ui/([^/]+)/', pathNot: '^src/ui/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.css$' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
