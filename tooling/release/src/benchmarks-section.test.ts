import { describe, expect, test } from 'vitest';
import { replaceSection } from './benchmarks-section.ts';

describe('replaceSection', () => {
  test.each([
    { name: 'appends to an empty file', markdown: '', expected: '## Release\n\nsizes\n' },
    {
      name: 'appends after other sections',
      markdown: '# Benchmarks\n\n## API\n\nfast\n',
      expected: '# Benchmarks\n\n## API\n\nfast\n\n## Release\n\nsizes\n',
    },
    {
      name: 'replaces its own section only',
      markdown: '# B\n\n## Release\n\nold\n\n## API\n\nfast\n',
      expected: '# B\n\n## Release\n\nsizes\n\n## API\n\nfast\n',
    },
    {
      name: 'keeps sub-headings inside the section it replaces',
      markdown: '## Release\n\n### Detail\n\nold\n',
      expected: '## Release\n\nsizes\n',
    },
    { name: 'replaces a last section', markdown: '# B\n\n## Release\nold', expected: '# B\n\n## Release\n\nsizes\n' },
  ])('$name', ({ markdown, expected }) => expect(replaceSection(markdown, '## Release', 'sizes')).toBe(expected));

  test('rejects a heading without #', () =>
    expect(() => replaceSection('', 'Release', 'x')).toThrow(/must start with #/));
});
