// The institution card answers the student's question: can my department's students go, through which agreement,
// is tuition waived; agreements grouped by who they serve; how sure the identification is; as of when.
import { expect, test } from '@playwright/test';
import { AtlasPage, datasetIndex } from './atlas-page';

test.describe('the institution card', () => {
  test('answers for the chosen department, in both languages', async ({ page }) => {
    const atlas = new AtlasPage(page);
    const index = datasetIndex();
    const agreements = index.agreementsByInstitution.get('seoul-national-university') ?? [];
    const own = agreements.some((a) => a.level === 'department' && a.department?.id === 'engineering');
    const waived = agreements.some((a) => a.level === 'university' && a.tuitionWaiver);
    await atlas.openWithoutMap('lang=en&dept=engineering&selected=seoul-national-university');
    const answer = page.getByTestId('card-answers');
    await expect(answer).toContainText('Open to Graduate School of Engineering / School of Engineering students: yes, through');
    await expect(answer).toContainText(own ? "the university-wide agreement and the department's own" : 'the university-wide agreement');
    await expect(answer).toContainText(waived ? 'Tuition is waived' : 'No tuition waiver');
    const card = page.getByTestId('institution-card');
    await expect(card).toContainText("Open to every department's students");
    await expect(card).toContainText('As listed in May 2012');
    await page.getByTestId('lang-ja').click();
    await expect(answer).toContainText('の学生: 対象です');
    await expect(card).toContainText('2012年5月現在の一覧による');
    atlas.expectClean();
  });

  test('says when an identification is a judgement, and why', async ({ page }) => {
    const atlas = new AtlasPage(page);
    const judged = datasetIndex().dataset.institutions.find((i) => i.identification?.confidence === 'uncertain')!;
    await atlas.openWithoutMap(`lang=en&selected=${judged.id}`);
    const note = page.getByTestId('card-identification').first();
    await expect(note).toContainText('Identification uncertain');
    await expect(note).toContainText(judged.identification!.reason.en.slice(0, 30));
  });
});
