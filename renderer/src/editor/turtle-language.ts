// Turtle (RDF) highlighting for Monaco, which ships none: prefixes, IRIs, prefixed names,
// literals with language tags and datatypes, comments, and the `a` keyword.
import type * as Monaco from 'monaco-editor';

export function registerTurtle(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === 'turtle')) return;
  monaco.languages.register({ id: 'turtle', extensions: ['.ttl'], aliases: ['Turtle', 'ttl'] });
  monaco.languages.setLanguageConfiguration('turtle', {
    comments: { lineComment: '#' },
    brackets: [['[', ']'], ['(', ')']],
    autoClosingPairs: [{ open: '[', close: ']' }, { open: '(', close: ')' }, { open: '"', close: '"' }, { open: '<', close: '>' }],
  });
  monaco.languages.setMonarchTokensProvider('turtle', {
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/@(prefix|base)\b|\b(PREFIX|BASE)\b/, 'keyword'],
        [/<[^>\s]*>/, 'type.identifier'],
        [/"""/, { token: 'string', next: '@longString' }],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/@[a-zA-Z]+(-[a-zA-Z0-9]+)*/, 'attribute.name'],
        [/\^\^/, 'delimiter'],
        [/\b(a|true|false)\b/, 'keyword'],
        [/[A-Za-z_][\w-]*:[\w-]*/, 'variable'],
        [/_:[\w-]+/, 'variable.predefined'],
        [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
        [/[;,.[\]()]/, 'delimiter'],
      ],
      longString: [[/"""/, { token: 'string', next: '@pop' }], [/./, 'string']],
    },
  });
}
