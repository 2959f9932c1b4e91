// The Schema Registry's subjects, by name.
import { useMemo } from 'react';
import { useSubjects } from '../../../api/registry';
import { prepare } from '../match';
import { useReportItems, type FeedProps, type PaletteItem, type PaletteSource } from '../palette-source';

function SubjectsFeed({ onChange }: FeedProps) {
  const subjects = useSubjects();
  const items = useMemo(() => (subjects.data?.subjects ?? []).map((s) => prepare<PaletteItem>({
    id: s.subject,
    label: s.subject,
    detail: `${s.schemaType} · v${s.latestVersion}${s.versions > 1 ? ` of ${s.versions}` : ''}`,
    route: { page: 'subject', subject: s.subject },
    icon: 'schemas',
  }, s.subject, s.schemaType)), [subjects.data]);
  useReportItems(subjects, items, onChange);
  return null;
}

export const subjectsSource: PaletteSource = { kind: 'subject', title: 'Schema subjects', Feed: SubjectsFeed };
