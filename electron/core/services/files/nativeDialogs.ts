/**
 * The OS's own open dialog, which only a host with windows has: Electron's main passes one to createCore
 * (a port, so core never imports electron); the HTTP host and the CLI pass none, and the renderer then
 * browses with `files.listFolder` instead.
 */
export type NativeDialogs = Readonly<{
  /** Resolves to the chosen absolute path, or null when the user cancelled. */
  choose(purpose: 'backupFolder' | 'restoreFile', startPath: string): Promise<string | null>;
}>;
