// Electron entry: app lifecycle and the window. Everything it hosts lives in plain Node modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { monitorWorkerBundle } from '../kafka/monitor/monitor-host';
import { createServices } from '../services';
import { findExampleWorkspace } from '../workspace/example-location';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { installGuards } from './guards';
import { hostRouterOverIpc } from './ipc';
import { SafeStorageSecretStore } from './safe-storage-secrets';

const here = path.dirname(fileURLToPath(import.meta.url));

registerAppScheme();

/** The workspace folder dialog, over the window that asked (workspace.chooseFolder). */
async function chooseWorkspaceFolder(): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options: Electron.OpenDialogOptions = { title: 'Open a workspace folder', buttonLabel: 'Open workspace', properties: ['openDirectory', 'createDirectory'] };
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function createWindow() {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Sluice',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html#/groups`);
}

app.whenReady().then(async () => {
  const dataDir = process.env.SLUICE_DATA_DIR ?? app.getPath('userData');
  const services = createServices({
    transport: 'electron', dataDir, secrets: new SafeStorageSecretStore(dataDir), version: app.getVersion(),
    exampleWorkspaceDir: findExampleWorkspace(here, app.isPackaged ? process.resourcesPath : undefined),
    folderPicker: chooseWorkspaceFolder,
    monitorWorkerFile: monitorWorkerBundle(here),
  });
  installGuards();
  serveRenderer(path.join(here, '../renderer'));
  hostRouterOverIpc(services);
  await createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) void createWindow(); });
  app.on('before-quit', () => void services.close());
}).catch((error: unknown) => {
  console.error(error);
  app.exit(1);
});

app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
