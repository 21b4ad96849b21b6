/**
 * Markdown → a standalone HTML page that looks like a GitHub PR comment or job
 * summary, for rendering in headless Chromium (./browser.ts).
 *
 * The renderer is markdown-it: it follows CommonMark, as GitHub's cmark-gfm
 * does, including the HTML-block rule that decides whether markdown inside
 * `<details>` is rendered (only after a blank line), and has GFM tables and
 * strikethrough built in. marked is more lenient there, so it would show a
 * table GitHub leaves as pipe text. GitHub's sanitizer is not imitated: the
 * report is our own text, and a tag GitHub strips would show up here.
 *
 * Mermaid blocks are drawn as GitHub draws them, in the browser: the fence
 * becomes a `<pre class="mermaid-source">` and the page's script (the mermaid
 * browser bundle from npm, inlined) replaces each with its SVG, or with an
 * error box naming the parse error. Everything is inline, so the page needs no
 * network and the saved .html opens anywhere.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';

const require = createRequire(import.meta.url);
const GITHUB_CSS = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
const MERMAID_BUNDLE = readFileSync(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');

/** The class of the elements the page's script turns into diagrams. */
export const MERMAID_SOURCE_CLASS = 'mermaid-source';
/** The class of the box shown instead of a diagram mermaid could not draw. */
export const MERMAID_ERROR_CLASS = 'mermaid-error';

// Comments and job summaries turn a single newline into a line break
// (`breaks`), and link bare URLs (`linkify`); raw HTML passes (`html`).
const markdown = new MarkdownIt({ html: true, linkify: true, breaks: true });
const defaultFence = markdown.renderer.rules.fence!;
markdown.renderer.rules.fence = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  if (token.info.trim() !== 'mermaid') return defaultFence(tokens, index, options, env, self);
  return `<pre class="${MERMAID_SOURCE_CLASS}">${markdown.utils.escapeHtml(token.content)}</pre>\n`;
};

/** A GitHub-like page of the markdown, diagrams drawn by the page's own script. */
export function githubMarkdownPage(title: string, source: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${markdown.utils.escapeHtml(title)}</title>
<style>${GITHUB_CSS}</style>
<style>
  /* GitHub's comment body: the light theme, 16px of padding inside the box. */
  body { margin: 0; background: #ffffff; }
  .markdown-body { box-sizing: border-box; padding: 16px; }
  .${MERMAID_ERROR_CLASS} { color: #d1242f; border: 1px solid #d1242f; padding: 8px; white-space: pre-wrap; }
</style>
</head>
<body>
<article class="markdown-body">
${markdown.render(source)}
</article>
<script>${MERMAID_BUNDLE}</script>
<script>window.mermaidDrawn = (${drawMermaidBlocks.toString()})(${JSON.stringify(MERMAID_SOURCE_CLASS)}, ${JSON.stringify(MERMAID_ERROR_CLASS)});</script>
</body>
</html>
`;
}

/**
 * Runs in the page (serialised into it, so it may use nothing from this
 * module): draws every mermaid source, one after the other as mermaid wants,
 * and settles when all are an SVG or an error box, never rejecting.
 */
async function drawMermaidBlocks(sourceClass: string, errorClass: string): Promise<void> {
  const mermaid = (window as unknown as { mermaid: typeof import('mermaid').default }).mermaid;
  // suppressErrorRendering: a parse error throws here and shows as our error box,
  // instead of mermaid's bomb picture, which would count as a drawn SVG.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', suppressErrorRendering: true });
  const sources = Array.from(document.getElementsByClassName(sourceClass));
  for (const [index, source] of sources.entries()) {
    const figure = document.createElement('div');
    try {
      const { svg } = await mermaid.render(`mermaid-diagram-${index}`, source.textContent ?? '');
      figure.className = 'mermaid-diagram';
      figure.innerHTML = svg;
    } catch (error) {
      figure.className = errorClass;
      figure.textContent = `mermaid could not draw this diagram: ${error instanceof Error ? error.message : String(error)}`;
    }
    source.replaceWith(figure);
  }
}

/**
 * How many pipe tables the markdown holds, counted from its text (a delimiter
 * row such as `|---|:--:|` outside a code fence), not by the renderer whose
 * output it is compared with.
 */
export function pipeTablesIn(source: string): number {
  let fence: string | undefined;
  let tables = 0;
  for (const line of source.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence === undefined && DELIMITER_ROW.test(line)) tables++;
  }
  return tables;
}

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$/;

/** How many ```mermaid fences the markdown holds. */
export function mermaidBlocksIn(source: string): number {
  return source.split('\n').filter((line) => /^\s*(`{3,}|~{3,})\s*mermaid\s*$/.test(line)).length;
}
