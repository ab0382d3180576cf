// @vitest-environment jsdom
// The institution card on the real dataset: what it answers for the chosen department, in both languages, and what
// it says of a judged identification. Moved here from the browser suite (card.spec.ts): the card is DOM and text,
// and opening it from the list, the map and a link stays in the browser tests (a11y, atlas, present, phone).
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InstitutionCard } from '../../src/ui/panels/InstitutionCard';
import { realIndex } from './real-index';
import { byTestId, createTestRuntime, render } from './render';

const index = realIndex();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the institution card', () => {
  it('answers for the chosen department, in both languages', async () => {
    const errors = vi.spyOn(console, 'error');
    const agreements = index.agreementsByInstitution.get('seoul-national-university') ?? [];
    const own = agreements.some((a) => a.level === 'department' && a.department?.id === 'engineering');
    const waived = agreements.some((a) => a.level === 'university' && a.tuitionWaiver);
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'en', departments: ['engineering'], selected: 'seoul-national-university' });
    const page = await render(<InstitutionCard lang="en" index={index} />, runtime);
    cleanups.push(page.unmount);
    const answer = byTestId(page.host, 'card-answers');
    expect(answer.textContent).toContain('Open to Graduate School of Engineering / School of Engineering students: yes, through');
    expect(answer.textContent).toContain(own ? "the university-wide agreement and the department's own" : 'the university-wide agreement');
    expect(answer.textContent).toContain(waived ? 'Tuition is waived' : 'No tuition waiver');
    const card = byTestId(page.host, 'institution-card');
    expect(card.textContent).toContain("Open to every department's students");
    expect(card.textContent).toContain('As listed in May 2012');

    await act(async () => runtime.store.getState().setLang('ja'));
    await page.rerender(<InstitutionCard lang="ja" index={index} />);
    expect(byTestId(page.host, 'card-answers').textContent).toContain('の学生: 対象です');
    expect(byTestId(page.host, 'institution-card').textContent).toContain('2012年5月現在の一覧による');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('says when an identification is a judgement, and why', async () => {
    const judged = index.dataset.institutions.find((i) => i.identification?.confidence === 'uncertain')!;
    const { runtime } = createTestRuntime(index.yearExtent, { lang: 'en', selected: judged.id });
    const page = await render(<InstitutionCard lang="en" index={index} />, runtime);
    cleanups.push(page.unmount);
    const note = byTestId(page.host, 'card-identification');
    expect(note.textContent).toContain('Identification uncertain');
    expect(note.textContent).toContain(judged.identification!.reason.en.slice(0, 30));
  });
});
