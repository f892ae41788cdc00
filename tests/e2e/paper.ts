import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

/**
 * Printed documents looked at as paper. The browser's print dialog is replaced by a counter (headless Chromium
 * has none), then the page is put in print media at the A4 content size (the print layer's @page margins:
 * 16 mm at the sides and top, 18 mm at the bottom) and Chromium's own PDF of it is counted.
 */
export type Orientation = 'portrait' | 'landscape';

const mmToPx = (mm: number) => Math.round((mm / 25.4) * 96);
const sheet = { portrait: { width: 210, height: 297 }, landscape: { width: 297, height: 210 } } as const;
const contentSize = (orientation: Orientation) => ({ width: mmToPx(sheet[orientation].width - 32), height: mmToPx(sheet[orientation].height - 16 - 18) });

/** The page's window, as far as the stand-in print dialog uses it. */
type PrintCounter = { print: () => void; xinyiPrints?: number };

/** Before the page loads: window.print counts instead of opening a dialog. */
export async function countPrintsFromNowOn(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counter = globalThis as unknown as PrintCounter;
    counter.print = () => {
      counter.xinyiPrints = (counter.xinyiPrints ?? 0) + 1;
    };
  });
}

export async function countPrints(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as PrintCounter).xinyiPrints ?? 0);
}

/**
 * The printed document starts at the top of page one, is no wider than the sheet, and every section is on
 * paper, unclipped; `onPaper` looks further while the page is in print media (taking the PDF returns it to
 * screen). The PDF has the sheet's orientation and as many pages as the content needs.
 */
export async function expectWholeOnPaper(
  page: Page,
  sections: readonly string[],
  title: string,
  options: { orientation?: Orientation; onPaper?: () => Promise<void> } = {},
): Promise<void> {
  const orientation = options.orientation ?? 'portrait';
  const content = contentSize(orientation);
  await page.setViewportSize(content);
  await page.emulateMedia({ media: 'print' });
  const root = page.getByTestId('print-root');
  await expect(root.locator('.print-title')).toHaveText(title);
  await expect(page.locator('#app')).toBeHidden();
  expect((await root.boundingBox())!.y).toBeLessThanOrEqual(1);
  // Nothing runs off the side of the sheet (a wide table would be cut at the margin).
  expect(await root.evaluate((element) => element.scrollWidth)).toBeLessThanOrEqual(content.width);
  for (const section of sections) {
    const element = root.getByTestId(section);
    await element.scrollIntoViewIfNeeded();
    // In the viewport as IntersectionObserver sees it: an ancestor's overflow would clip it away.
    await expect(element).toBeInViewport();
    expect((await element.boundingBox())!.height).toBeGreaterThan(10);
  }
  await options.onPaper?.();
  const contentHeight = await root.evaluate((element) => element.scrollHeight);
  const pdfBytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pdf = pdfBytes.toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  const fullPages = Math.ceil(contentHeight / content.height);
  // As many pages as the content needs (sections kept whole may push one more), never fewer.
  expect(pages).toBeGreaterThanOrEqual(fullPages);
  expect(pages).toBeLessThanOrEqual(fullPages + 1);
  // The sheet as the @page rule sets it: A4 (595 × 842 pt), turned for landscape.
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  expect(box, 'the PDF names its page size').not.toBeNull();
  const [width, height] = [Number(box![1]), Number(box![2])];
  expect(orientation === 'landscape' ? width > height : width < height, `a ${orientation} sheet, not ${width} × ${height} pt`).toBe(true);
  expect(Math.round(Math.max(width, height))).toBeGreaterThanOrEqual(841);
}
