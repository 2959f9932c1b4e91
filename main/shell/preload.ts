// The renderer's only door to main: window.sluice with call and subscribe. ipcRenderer itself is
// never exposed.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels } from './ipc-channels';

type Listener = (result: unknown) => void;
const listeners = new Map<string, Listener>();
let serial = 0;

ipcRenderer.on(channels.push, (_event: IpcRendererEvent, subscriptionId: string, result: unknown) => {
  listeners.get(subscriptionId)?.(result);
});

contextBridge.exposeInMainWorld('sluice', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(channels.call, method, input),
  subscribe: (method: string, input: unknown, onResult: Listener) => {
    const subscriptionId = `s${++serial}`;
    listeners.set(subscriptionId, onResult);
    ipcRenderer.send(channels.subscribe, subscriptionId, method, input);
    return () => {
      listeners.delete(subscriptionId);
      ipcRenderer.send(channels.unsubscribe, subscriptionId);
    };
  },
});
