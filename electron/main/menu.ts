import type { MenuItemConstructorOptions } from 'electron';

export type MenuActions = Readonly<{ lock(): void; openKiosk?(): void; showDataFolder(): void; quit(): void }>;

/** The application menu, in Chinese; no developer tools in a packaged build. */
export function buildMenuTemplate(actions: MenuActions, isPackaged: boolean): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '锁定工作台', accelerator: 'CmdOrCtrl+L', click: () => actions.lock() },
        { label: '打开数据文件夹', click: () => actions.showDataFolder() },
        { type: 'separator' },
        { label: '退出', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '全屏', role: 'togglefullscreen' },
        ...(isPackaged ? [] : [{ label: '开发者工具', role: 'toggleDevTools' } as const]),
      ],
    },
  ];
}
