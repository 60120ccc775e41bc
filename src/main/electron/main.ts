/**
 * The Electron shell: the only code that imports electron besides the preload. It creates the window,
 * opens the desk (the same core the web harness and the CLI use) and relays IPC.
 *
 *   whisper-desk [--scenario path/to/call.json]
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { createDesk, type Desk } from '../core/createDesk';
import { loadScenarioFile } from '../core/demo/scenarioLoader';
import { platformPolicySources } from '../core/policy/platformPolicySources';
import { StoreOpenError } from '../core/store/storeClient';
import { startAutoUpdate } from './autoUpdate';
import { registerDeskIpc, sendDeskEvent } from './ipc';
import { buildAppMenu } from './menu';
import { SafeStorageKeyStore } from './safeStorageKeyStore';
import { SafeStorageSecretStore } from './safeStorageSecretStore';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { createMainWindow, restrictSessionPermissions } from './window';
import { RingAlerts } from '../core/attention/ringAlerts';
import type { CallView } from '../../shared/callSchemas';
import { createShellRingAlert } from './shellRingAlert';

let desk: Desk | undefined;
let updates: ReturnType<typeof startAutoUpdate> | undefined;
let mainWindow: BrowserWindow | undefined;
// The OS notification, flash and badge of a ringing call; its click accepts through the same request handler as the button.
const ringAlerts = new RingAlerts(
  createShellRingAlert({ window: () => mainWindow, accept: (callId) => void desk?.handle('acceptCall', { callId }) }),
);

function scenarioArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--scenario');
  return index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--scenario='))?.slice('--scenario='.length);
}

async function ringScenarioFile(filePath: string): Promise<void> {
  try {
    desk?.service.ringScenario(await loadScenarioFile(filePath));
  } catch (error) {
    dialog.showErrorBox('Could not load the call scenario', (error as Error).message);
  }
}

async function start(): Promise<void> {
  serveRenderer(path.join(__dirname, '../renderer'));
  restrictSessionPermissions();
  const userData = app.getPath('userData');
  const resources = app.isPackaged ? process.resourcesPath : path.join(__dirname, '../../resources');
  try {
    desk = await createDesk({
      dataDir: userData,
      keyStore: new SafeStorageKeyStore(path.join(userData, 'db.key.enc')),
      secretStore: new SafeStorageSecretStore(path.join(userData, 'secrets.enc')),
      demoScenarioDir: path.join(resources, 'demo-scenarios'),
      demoPackDir: path.join(resources, 'packs/abcd-store'),
      storeWorkerPath: path.join(__dirname, 'storeWorker.js'),
      policySources: platformPolicySources({ platform: process.platform, env: process.env }),
      emit: (event, payload) => {
        if (event === 'callChanged') ringAlerts.onCallChanged(payload as CallView | null);
        sendDeskEvent(BrowserWindow.getAllWindows(), event, payload);
      },
      // Outputs and events checked against the contract in development; a packaged app skips the parse.
      checkContracts: !app.isPackaged,
      log: (message) => console.error(message),
    });
  } catch (error) {
    const detail = error instanceof StoreOpenError ? error.message : ((error as Error).stack ?? String(error));
    dialog.showErrorBox('Whisper Desk cannot open its call records', `${detail}\n\nNothing was deleted.`);
    app.exit(1);
    return;
  }
  registerDeskIpc(desk.handle, () => BrowserWindow.getAllWindows());
  updates = startAutoUpdate(desk, (message) => console.error(message));
  Menu.setApplicationMenu(
    buildAppMenu({
      ringDemoCall: () => desk?.service.ringDemoCall(),
      loadScenario: async () => {
        const choice = await dialog.showOpenDialog({
          properties: ['openFile'],
          filters: [{ name: 'Call scenario', extensions: ['json'] }],
        });
        if (!choice.canceled && choice.filePaths[0]) await ringScenarioFile(choice.filePaths[0]);
      },
    }),
  );
  const window = createMainWindow();
  mainWindow = window;
  const initialScenario = scenarioArgument(process.argv);
  if (initialScenario) window.webContents.once('did-finish-load', () => void ringScenarioFile(path.resolve(initialScenario)));
}

app.enableSandbox();
// Windows shows notifications only for an app with an AppUserModelID (the installer's appId).
if (process.platform === 'win32') app.setAppUserModelId('com.whisperdesk.app');
registerAppScheme();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});
app.whenReady().then(start, (error: Error) => console.error(error));
app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  if (!desk) return;
  updates?.contextAtQuit();
  updates?.stop();
  const closing = desk;
  desk = undefined;
  event.preventDefault();
  void closing.close().finally(() => app.quit());
});
