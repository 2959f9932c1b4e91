// Security defaults applied to every window: no navigation away, no new windows, no permissions.
import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { safeOpenExternal } from './safe-open-external';

export function installGuards(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      safeOpenExternal(url);
      return { action: 'deny' };
    });
  });
}
