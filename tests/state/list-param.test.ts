// The URL contract's `list` parameter (issue 27, item 6): `list=local:<id>` names a stored list, an old
// `list=local` still means "the list kept in this browser", anything else is the built-in list.
import { describe, expect, it } from 'vitest';
import { parseListParam, parseUrl, serialiseUrl } from '../../src/state/url';

describe('list=local:<id>', () => {
  it('parses and round-trips', () => {
    const state = parseUrl('?lang=ja&list=local:0123456789abcdef');
    expect(state.view).toMatchObject({ localList: true, localListId: '0123456789abcdef' });
    expect(serialiseUrl(state)).toBe('?lang=ja&list=local%3A0123456789abcdef');
    expect(parseUrl(serialiseUrl(state)).view?.localListId).toBe('0123456789abcdef');
  });

  it('keeps old links and refuses garbled ids', () => {
    expect(parseListParam('local')).toEqual({ localList: true });
    expect(serialiseUrl(parseUrl('?list=local'))).toBe('?list=local');
    expect(parseListParam('local:')).toEqual({ localList: false });
    expect(parseListParam('local:<script>')).toEqual({ localList: false });
    expect(parseListParam(`local:${'a'.repeat(65)}`)).toEqual({ localList: false });
    expect(parseListParam('remote')).toEqual({ localList: false });
  });
});
