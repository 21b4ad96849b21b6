/**
 * Headless Chromium (Debian's `chromium`, scripts/provision/chromium.sh) driven
 * by puppeteer-core, which brings no browser of its own: one browser renders a
 * page to a PNG and says what it shows — diagrams, tables, overflow — so a
 * test can assert on what a reader would see.
 *
 * Offline: every request the page makes is refused and recorded (the pages
 * are self-contained; a request is a finding, not something to wait for).
 */
import { existsSync, readFileSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { MERMAID_ERROR_CLASS } from './github-page.js';

/**
 * Debian's chromium; Google Chrome where that is what the machine has (GitHub's
 * Ubuntu runners, whose own chromium package is a snap stub).
 */
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/google-chrome'];

/** One mermaid block as drawn in the page. */
export interface DiagramFacts {
  /** The SVG's `aria-roledescription` (`xychart`, `flowchart-v2`, …); null when no SVG was drawn. */
  readonly kind: string | null;
  /** Bars drawn (rects of an xychart's bar plots). */
  readonly bars: number;
  /** mermaid's message when it could not draw the block. */
  readonly error: string | null;
}

/** What a reader sees on a rendered page. */
export interface PageFacts {
  readonly diagrams: readonly DiagramFacts[];
  /** `<table>` elements in the page. */
  readonly tables: number;
  /** Lines of visible text that look like a table row left as text (`| a | b |`, `|---|`). */
  readonly pipeText: readonly string[];
  /** Content wider than its box: the page itself, or a box that scrolls sideways (a wide table or code block). */
  readonly overflow: readonly string[];
  /** Pairs of texts in one SVG drawn over each other (axis labels too long for their bars), e.g. `"resnet50" × "resnet50-aug"`. */
  readonly overlappingText: readonly string[];
  /** `<svg>` elements in the page, diagrams included. */
  readonly svgs: number;
  /** Requests the page tried to make (all refused). */
  readonly requests: readonly string[];
}

export interface RenderOptions {
  /** Viewport width in CSS pixels: the width of the box the report is shown in. */
  readonly width: number;
  /** Where to write the full-page PNG. */
  readonly png: string;
}

export class PageRenderer {
  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<PageRenderer> {
    const executablePath = BROWSERS.find((file) => existsSync(file));
    if (executablePath === undefined) throw new Error(`no browser at ${BROWSERS.join(' or ')}: run bash scripts/provision/chromium.sh`);
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      // --no-sandbox only because the tests run as root on a CI machine, where
      // Chromium refuses to start sandboxed; the pages are our own, offline.
      args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
    });
    return new PageRenderer(browser);
  }

  /** Renders a self-contained HTML page, waits for its diagrams, saves a PNG and describes the page. */
  async render(html: string, options: RenderOptions): Promise<PageFacts> {
    return this.withPage(async (page, requests) => {
      await page.setViewport({ width: options.width, height: 600, deviceScaleFactor: 1 });
      await page.setContent(html, { waitUntil: 'load' });
      // Set by github-page.ts's script; absent on a page without mermaid (the HTML report).
      await page.evaluate(() => (window as unknown as { mermaidDrawn?: Promise<void> }).mermaidDrawn);
      await page.screenshot({ path: options.png, fullPage: true, type: 'png' });
      return { ...(await page.evaluate(describePage, MERMAID_ERROR_CLASS)), requests };
    });
  }

  /** Decodes a PNG file in the browser: its size in pixels, or an error when it is no image. */
  async pngSize(file: string): Promise<{ width: number; height: number }> {
    const url = `data:image/png;base64,${readFileSync(file).toString('base64')}`;
    return this.withPage(async (page) =>
      page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return { width: image.naturalWidth, height: image.naturalHeight };
      }, url),
    );
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private async withPage<T>(use: (page: Page, requests: string[]) => Promise<T>): Promise<T> {
    const page = await this.browser.newPage();
    const requests: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url === 'about:blank') return void request.continue();
      if (!requests.includes(url)) requests.push(url);
      void request.abort();
    });
    try {
      return await use(page, requests);
    } finally {
      await page.close();
    }
  }
}

/** Runs in the page (serialised into it, so it may use nothing from this module). */
function describePage(errorClass: string): Omit<PageFacts, 'requests'> {
  const diagrams = Array.from(document.querySelectorAll(`.mermaid-diagram, .${errorClass}`)).map((figure) => {
    const svg = figure.querySelector('svg');
    return {
      kind: svg?.getAttribute('aria-roledescription') ?? null,
      bars: figure.querySelectorAll('g[class^="bar-plot"] rect').length,
      error: figure.classList.contains(errorClass) ? (figure.textContent ?? '') : null,
    };
  });

  // Visible text outside code: a pipe row there is a table the renderer did not make.
  const prose = document.body.cloneNode(true) as HTMLElement;
  prose.querySelectorAll('pre, code, script, style, svg').forEach((node) => node.remove());
  const pipeText = (prose.textContent ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\|.*\|$/.test(line) || /^\|?\s*:?-{3,}:?\s*\|/.test(line));

  const overflow: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) overflow.push(`the page: ${root.scrollWidth}px of content in a ${root.clientWidth}px window`);
  for (const box of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
    if (box.scrollWidth <= box.clientWidth + 1 || getComputedStyle(box).overflowX === 'visible') continue;
    const text = (box.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    overflow.push(`<${box.tagName.toLowerCase()}> "${text}": ${box.scrollWidth}px of content in a ${box.clientWidth}px box`);
  }

  const overlappingText: string[] = [];
  for (const svg of Array.from(document.querySelectorAll('svg'))) {
    const texts = Array.from(svg.querySelectorAll('text'))
      .filter((text) => (text.textContent ?? '').trim() !== '')
      .map((text) => ({ label: (text.textContent ?? '').trim(), box: text.getBoundingClientRect() }));
    texts.forEach((a, index) => {
      for (const b of texts.slice(index + 1)) {
        const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        // More than a pixel's sliver: glyph boxes of neighbours may touch.
        if (width > 1 && height > 1) overlappingText.push(`"${a.label}" × "${b.label}"`);
      }
    });
  }

  return {
    diagrams,
    overlappingText,
    tables: document.querySelectorAll('table').length,
    pipeText,
    overflow,
    svgs: document.querySelectorAll('svg').length,
  };
}
