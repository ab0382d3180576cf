// Modules made by Vite plugins in scripts/.

declare module 'virtual:city-gazetteer' {
  /** The URL of the importer's city gazetteer (scripts/city-gazetteer.ts). */
  const url: string;
  export default url;
}

declare module 'virtual:institution-gazetteer' {
  /** The URL of the importer's institution gazetteer (scripts/institution-gazetteer-asset.ts). */
  const url: string;
  export default url;
}
