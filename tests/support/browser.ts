import type { BrowserContext, Page } from "playwright-core";

export interface RenderedFont {
  familyName: string;
  glyphCount: number;
}

/**
 * The fonts Chromium really drew each element's text with (not what its CSS asks for), from the DevTools
 * protocol's CSS.getPlatformFontsForNode; an element the selector does not find throws.
 */
export async function renderedFonts(
  context: BrowserContext,
  page: Page,
  selectors: string[],
): Promise<Map<string, RenderedFont[]>> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const out = new Map<string, RenderedFont[]>();
    for (const selector of selectors) {
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
      if (!nodeId) throw new Error(`no element ${selector}`);
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      out.set(selector, fonts);
    }
    return out;
  } finally {
    await cdp.detach();
  }
}
