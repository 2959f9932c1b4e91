// IPC host of the router. Every message is checked to come from the app's own main frame before
// its payload is even parsed.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail } from '../../shared/common/result';
import type { MainServices } from '../services';
import { APP_ORIGIN } from './app-protocol';
import { channels } from './ipc-channels';


function fromAppMainFrame(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function hostRouterOverIpc(services: Pick<MainServices, 'router' | 'hub'>): void {
  const subscriptions = new Map<WebContents, Map<string, () => void>>();

  ipcMain.handle(channels.call, (event, method: unknown, input: unknown) => {
    if (!fromAppMainFrame(event)) return fail('FORBIDDEN', 'Only the Sluice window may call main.');
    return services.router.call(String(method), input);
  });

  ipcMain.on(channels.subscribe, (event, subscriptionId: unknown, method: unknown, input: unknown) => {
    if (!fromAppMainFrame(event) || typeof subscriptionId !== 'string') return;
    const contents = event.sender;
    let forWindow = subscriptions.get(contents);
    if (!forWindow) {
      forWindow = new Map();
      subscriptions.set(contents, forWindow);
      contents.once('destroyed', () => {
        for (const unsubscribe of subscriptions.get(contents)?.values() ?? []) unsubscribe();
        subscriptions.delete(contents);
      });
    }
    forWindow.get(subscriptionId)?.();
    forWindow.set(subscriptionId, services.hub.subscribe(String(method), input, (result) => {
      if (!contents.isDestroyed()) contents.send(channels.push, subscriptionId, result);
    }));
  });

  ipcMain.on(channels.unsubscribe, (event, subscriptionId: unknown) => {
    if (!fromAppMainFrame(event) || typeof subscriptionId !== 'string') return;
    const forWindow = subscriptions.get(event.sender);
    forWindow?.get(subscriptionId)?.();
    forWindow?.delete(subscriptionId);
  });
}
