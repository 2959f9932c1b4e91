// Rendered Markdown for decisions: marked for the HTML, DOMPurify so a record can never run script
// in the console or restyle it, and links to other records (0005-title.md) turned into the console's own pages.
import { useMemo } from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { splitFrontMatter } from '../../../../shared/workspace/adr';
import { hrefFor } from '../../router';

/**
 * Beyond script: a record must not restyle or cover the console around it. A <style> element
 * applies to the whole page (one could hide the PRODUCTION label), a style attribute can pin an
 * element over everything, the console's own classes carry its layout (a dialog backdrop covers
 * the window), and data-* attributes are the console's own hooks.
 */
const sanitizeOptions = { USE_PROFILES: { html: true }, FORBID_TAGS: ['style'], FORBID_ATTR: ['style', 'class'], ALLOW_DATA_ATTR: false };

export function MarkdownPreview({ markdown }: { markdown: string }) {
  const html = useMemo(() => {
    const { body } = splitFrontMatter(markdown);
    const raw = marked.parse(body, { async: false, gfm: true });
    const clean = DOMPurify.sanitize(raw, sanitizeOptions);
    return clean.replace(/href="(?:\.\/)?(\d{4})-[^"/]*\.md"/g, (_, n: string) => `href="${hrefFor({ page: 'decision', number: Number(n) })}"`)
      .replace(/<a href="http/g, '<a target="_blank" rel="noopener noreferrer" href="http');
  }, [markdown]);
  return <article className="markdown-preview" data-testid="markdown-preview" dangerouslySetInnerHTML={{ __html: html }} />;
}
