// Presentation captions name each partner unmistakably: Northeastern University (Shenyang), the namesake of Tohoku
// University (both 東北大学), and no caption doubles its parentheses ("東北大学 (瀋陽)(中国)").
import { expect, test } from '@playwright/test';
import { AtlasPage } from './atlas-page';

for (const lang of ['ja', 'en'] as const) {
  test(`slide 2 names Northeastern University, Shenyang, and no slide doubles parentheses (${lang})`, async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open(`lang=${lang}&present=1`);
    const caption = page.getByTestId('presentation-caption');
    if (lang === 'ja') {
      await expect(caption).toHaveText('1983年 最初の協定：中国東北大学(中国・瀋陽)');
    } else {
      await expect(caption).toHaveText('1983: the first agreement — Northeastern University (Shenyang, China)');
    }
    // Every slide, from the first to the last.
    const position = page.getByTestId('presentation-step');
    const slide = (n: number, total: number) => (lang === 'ja' ? `${total} 枚中 ${n} 枚目` : `Slide ${n} of ${total}`);
    await expect(position).toHaveText(lang === 'ja' ? /^\d+ 枚中 2 枚目$/ : /^Slide 2 of \d+$/);
    const total = Number((await position.innerText()).match(/\d+/g)![lang === 'ja' ? 0 : 1]);
    await page.keyboard.press('Home');
    await expect(position).toHaveText(slide(1, total));
    for (let i = 1; i <= total; i += 1) {
      if (i > 1) {
        await page.keyboard.press('ArrowRight');
        await expect(position).toHaveText(slide(i, total));
      }
      const text = await caption.innerText();
      expect(text, `slide ${i}`).not.toMatch(/\)\s*\(|\)\s*\)|）\s*（/);
      // Tohoku University never appears as its own partner.
      expect(text, `slide ${i}`).not.toMatch(lang === 'ja' ? /(^|[^中国])東北大学 ?[(（]/ : /Tohoku University \(/);
    }
    atlas.expectClean();
  });
}
