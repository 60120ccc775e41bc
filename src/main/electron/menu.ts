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
        // No accelerators here: the renderer owns the shortcuts (Ctrl/Cmd+Shift+R, Ctrl/Cmd+O), so a key press acts once.
        { label: 'Ring Demo Call', click: () => actions.ringDemoCall() },
        { label: 'Load Call Scenario…', click: () => void actions.loadScenario() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    // Not the default View menu: its Force Reload takes Ctrl/Cmd+Shift+R, which rings a demo call here.
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
