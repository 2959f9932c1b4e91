// Schema drafts per subject, kept in the browser's storage on every change, so a draft survives a
// reload or a crash until it is registered or discarded. UI state, not server state.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { SchemaType } from '../../../shared/governance/schema-fields';

export interface SchemaDraft { schemaType: SchemaType; text: string; updatedAt: string }

interface SchemaDraftState {
  drafts: Record<string, SchemaDraft>;
  setDraft(subject: string, draft: Omit<SchemaDraft, 'updatedAt'>): void;
  discard(subject: string): void;
}

export const useSchemaDrafts = create<SchemaDraftState>()(persist((set) => ({
  drafts: {},
  setDraft: (subject, draft) => set((s) => ({ drafts: { ...s.drafts, [subject]: { ...draft, updatedAt: new Date().toISOString() } } })),
  discard: (subject) => set((s) => {
    const { [subject]: _removed, ...rest } = s.drafts;
    return { drafts: rest };
  }),
}), { name: 'sluice.schema-drafts' }));
