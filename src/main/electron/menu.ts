import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  ringDemoCall(): void;
  loadScenario(): Promise<void>;
}

export function buildAppMenu(actions: MenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Call',
      submenu: [
        { label: 'Ring Demo Call', accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.ringDemoCall() },
        { label: 'Load Call Scenario…', accelerator: 'CmdOrCtrl+O', click: () => void actions.loadScenario() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
