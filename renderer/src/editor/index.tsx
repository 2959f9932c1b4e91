// The editors, loaded on first use: Monaco is the largest part of the console and most pages
// never need it.
import { lazy, Suspense, type ComponentProps } from 'react';

const LazyCodeEditor = lazy(() => import('./code-editor'));
const LazyCodeDiff = lazy(() => import('./code-editor').then((m) => ({ default: m.CodeDiff })));

const loading = <div className="editor-loading" role="status">Loading the editor…</div>;

export function CodeEditor(props: ComponentProps<typeof LazyCodeEditor>) {
  return <Suspense fallback={loading}><LazyCodeEditor {...props} /></Suspense>;
}

export function CodeDiff(props: ComponentProps<typeof LazyCodeDiff>) {
  return <Suspense fallback={loading}><LazyCodeDiff {...props} /></Suspense>;
}

export type { QuickFix } from './monaco-setup';
export { languageForPath, languageForSchema } from './languages';
