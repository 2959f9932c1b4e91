// The palette's sources, in the order their results are listed when they match equally well. A new
// kind (topics, say) is a module beside these and one line here.
import type { PaletteSource } from '../palette-source';
import { decisionsSource } from './decisions';
import { groupsSource } from './groups';
import { mismatchesSource } from './mismatches';
import { pagesSource } from './pages';
import { subjectsSource } from './subjects';
import { topicsSource } from './topics';

export const paletteSources: readonly PaletteSource[] = [
  pagesSource,
  groupsSource,
  topicsSource,
  subjectsSource,
  decisionsSource,
  mismatchesSource,
];
