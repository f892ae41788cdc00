import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** What the page's running animations say of themselves (the Web Animations API, without the DOM lib here). */
type Settling = { playState: string; effect: { getTiming(): { iterations?: number } } | null };

/**
 * axe-core on what the page shows now (issue 11): WCAG 2.1 A and AA rules; the violations of serious or critical
 * impact, each named with the screen and the elements. Moderate and minor findings are left to review.
 */
export async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  // A toast or dialog mid-fade has its colours mixed with the page behind (axe reads the opacity), and a toast left
  // from the last save sits under the next dialog's mask: check the screen as the user reads it once both settle.
  // Endless animations (a spinner) are not waited for.
  await page
    .waitForFunction(
      () => {
        const { document } = globalThis as unknown as { document: { getAnimations(): Settling[]; querySelector(selector: string): unknown } };
        return document.querySelector('.el-message') === null && document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity);
      },
      undefined,
      { timeout: 8_000 },
    )
    // A message that stays (an error the user must read) is checked as it is.
    .catch(() => undefined);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen} · ${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
}
