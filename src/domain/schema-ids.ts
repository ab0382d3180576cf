// The dataset schema's id patterns and region ids, without zod: the URL contract (src/state/url.ts) and the index
// read them, and so does the early counts script (src/app/early-counts.ts), which must not carry zod (issue 29: zod
// was ~94 of its 131 KB). src/domain/schema.ts builds its zod schemas from these and re-exports them.

/** Ids of institutions, departments and agreements; also checked by the pipeline's curation and the URL. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** ISO 3166-1 alpha-2 country codes; also checked by the pipeline's curation and the URL. */
export const ISO_ALPHA2_PATTERN = /^[A-Z]{2}$/;

export const REGION_IDS = ['asia', 'europe', 'north-america', 'latin-america', 'oceania', 'middle-east', 'africa'] as const;
