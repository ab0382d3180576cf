// An imported partner's id: a slug of its English name, never shared with another institution. Identity is name
// and country: the same name in two countries (Northeastern University in the US and in China, Soochow University
// in China and in Taiwan) gives two institutions, and a built-in institution's id (the list may match it in its own
// country) is never given to a namesake elsewhere (issue 27, item 3): the country's code tells them apart.

/** A slug of the text (Latin letters and digits, hyphenated), at most 60 characters. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * An id not taken yet, and not any built-in institution's: the slug of the English name, else that slug with the
 * country's code (`northeastern-university-us`), else numbered; `fallback` where the name has no Latin letters.
 */
export function institutionId(en: string, country: string, fallback: string, taken: Set<string>, builtIn: ReadonlySet<string>, slugPattern: RegExp): string {
  const base = slugify(en);
  const stem = /[a-z]/.test(base) && slugPattern.test(base) ? base : fallback;
  const free = (id: string) => !taken.has(id) && !builtIn.has(id);
  let id = stem;
  if (!free(id)) id = `${stem}-${country.toLowerCase()}`;
  for (let n = 2; !free(id); n++) id = `${stem}-${country.toLowerCase()}-${n}`;
  taken.add(id);
  return id;
}
