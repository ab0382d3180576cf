// The preview's "Whose list is this?": the home institution (prefilled with what the file names, typed or
// corrected), the title and the as-of month. The worker resolves the home (src/domain/import/home.ts) and the
// preview says where it was found, or why not; a list is shown on the atlas only with a home of its own.
import { useState } from 'react';
import type { Whose } from '../../../domain/import/home';
import type { InferredHome } from '../../../domain/import/types';
import type { Lang } from '../../../domain/schema';
import type { WhoseChoice } from '../../../adapters/import/import-job';
import { addMessages, t } from '../../../i18n/messages';
import { WHOSE_CATALOG } from '../../../i18n/whose-catalog';

addMessages(WHOSE_CATALOG);

interface Fields {
  homeName: string;
  title: string;
  asOf: string;
}

/** The fields as the preview shows them first: the file's words where it has them. */
function fieldsOf(guesses: Whose, lang: Lang): Fields {
  return {
    homeName: guesses.guess.home ?? '',
    title: guesses.titleFrom === 'given' || guesses.titleFrom === 'file' ? guesses.title[lang] : '',
    asOf: guesses.asOf,
  };
}

/** The universities a home column names (a list of several): each with its rows; the field above is then not needed. */
function ColumnHomes({ lang, homes }: { lang: Lang; homes: readonly InferredHome[] }) {
  return (
    <div className="import-note" data-testid="import-homes" data-count={homes.length}>
      <p>{t(lang, 'whoseHomesFromColumn', { n: homes.length })}</p>
      <ul>
        {homes.map((h) => (
          <li key={h.id} data-home={h.id}>
            {t(lang, 'whoseHomeRows', { name: h.name[lang], rows: h.rows })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where the home was found (or why not), under its field. */
function HomeStatus({ lang, guesses, homes }: { lang: Lang; guesses: Whose; homes: readonly InferredHome[] | undefined }) {
  if (homes && homes.length > 1) return <ColumnHomes lang={lang} homes={homes} />;
  const { home } = guesses;
  if (!home) return <p className="import-note import-home-problem">{t(lang, 'whoseHomeNone')}</p>;
  if (!home.ok)
    return (
      <p className="import-note import-home-problem" role="alert" data-testid="import-home-problem" data-reason={home.reason}>
        {home.reason === 'ambiguous'
          ? t(lang, 'whoseHomeAmbiguous', { name: home.name, candidates: home.candidates.join('、') })
          : t(lang, 'whoseHomeNotFound', { name: home.name })}
      </p>
    );
  const h = home.home;
  const country = new Intl.DisplayNames([lang], { type: 'region' }).of(h.country) ?? h.country;
  return (
    <p className="import-note" data-testid="import-home-resolved" data-home={h.id} data-lat={h.lat} data-lng={h.lng}>
      {t(lang, 'whoseHomeFound', { name: h.name[lang], city: h.city[lang] ?? h.city.en, country })}{' '}
      {guesses.homeFrom === 'file' && t(lang, 'whoseHomeFromFile')}
    </p>
  );
}

export function WhoseList({
  lang,
  guesses,
  homes,
  disabled,
  onChange,
}: {
  lang: Lang;
  guesses: Whose;
  /** The homes a home column names, when it names several. */
  homes?: readonly InferredHome[] | undefined;
  disabled: boolean;
  onChange(whose: WhoseChoice): void;
}) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(guesses, lang));
  const [sent, setSent] = useState<Fields>(fields);
  const send = () => {
    if (fields.homeName === sent.homeName && fields.title === sent.title && fields.asOf === sent.asOf) return;
    setSent(fields);
    onChange({
      homeName: fields.homeName.trim(),
      title: fields.title.trim(),
      ...(/^\d{4}-(0[1-9]|1[0-2])$/.test(fields.asOf) ? { asOf: fields.asOf } : {}),
    });
  };
  const field = (key: keyof Fields) => ({
    value: fields[key],
    disabled,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setFields((f) => ({ ...f, [key]: value }));
    },
    onBlur: send,
  });
  return (
    <form
      className="import-whose"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <fieldset>
        <legend>{t(lang, 'whoseLegend')}</legend>
        <label>
          <span>{t(lang, 'whoseHome')}</span>
          <input type="text" {...field('homeName')} placeholder={t(lang, 'whoseHomeHint')} autoComplete="organization" data-testid="import-home" />
        </label>
        <HomeStatus lang={lang} guesses={guesses} homes={homes} />
        <label>
          <span>{t(lang, 'whoseTitle')}</span>
          <input type="text" {...field('title')} placeholder={guesses.title[lang]} data-testid="import-title" />
        </label>
        <label>
          <span>{t(lang, 'whoseAsOf')}</span>
          <input type="month" {...field('asOf')} data-testid="import-as-of" />
        </label>
        {guesses.asOfFrom === 'file' && <p className="import-note">{t(lang, 'whoseAsOfFromFile', { asOf: guesses.asOf })}</p>}
        {guesses.asOfFrom === 'default' && <p className="import-note">{t(lang, 'whoseAsOfDefault')}</p>}
        <button type="submit" className="import-whose-use" disabled={disabled} data-testid="import-whose-use">
          {t(lang, 'whoseUse')}
        </button>
      </fieldset>
    </form>
  );
}
