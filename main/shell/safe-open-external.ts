// The one way out of the app to the user's browser: http and https only. Lint bans the raw call.
import { shell } from 'electron';

export function safeOpenExternal(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return;
  void shell.openExternal(parsed.toString());
}
