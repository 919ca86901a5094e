/**
 * Writes the "## Release" section of BENCHMARKS.md (packed sizes), leaving every other section as it is.
 */

/**
 * Replaces the section that starts with `heading` (up to the next heading of the same level) or appends it.
 * @example
 * replaceSection('# B\n\n## Release\nold\n## API\nx\n', '## Release', 'new')
 * // '# B\n\n## Release\n\nnew\n\n## API\nx\n'
 */
export function replaceSection(markdown: string, heading: string, body: string): string {
  const level = /^#+/.exec(heading)?.[0];
  if (!level)
    throw new TypeError(
      `replaceSection(markdown, heading, body): heading must start with #, received ${JSON.stringify(heading)}; e.g. ` +
        `'## Release'`,
    );
  const section = `${heading}\n\n${body.trim()}\n`;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) return `${markdown.trimEnd()}${markdown.trim() ? '\n\n' : ''}${section}`;
  const isSameOrHigher = (line: string) => {
    const match = /^(#+)\s/.exec(line);
    return match !== null && match[1]!.length <= level.length;
  };
  const nextOffset = lines.slice(start + 1).findIndex(isSameOrHigher);
  const end = nextOffset === -1 ? lines.length : start + 1 + nextOffset;
  const after = lines.slice(end).join('\n');
  return `${lines.slice(0, start).join('\n')}${start > 0 ? '\n' : ''}${section}${after ? `\n${after}` : ''}`;
}
