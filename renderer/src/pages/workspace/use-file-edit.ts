// Form edits of workspace files: read the file as it is now, apply the change to its text, and
// save against the version just read, so an edit made elsewhere in between is refused, not lost.
import { useState } from 'react';
import { useReadWorkspaceFile, useSaveFile } from '../../api/workspace';

export function useFileEdit() {
  const readFile = useReadWorkspaceFile();
  const { mutateAsync: save } = useSaveFile();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edit = async (file: string, change: (text: string) => string, done: () => void) => {
    setBusy(true);
    setError(null);
    try {
      const current = await readFile({ path: file });
      if (current.text === null) throw new Error(`${file} cannot be edited (${current.unreadableReason}).`);
      await save({ path: file, text: change(current.text), baseVersion: current.version });
      done();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { edit, busy, error };
}
