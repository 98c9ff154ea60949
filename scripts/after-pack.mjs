// electron-builder's afterPack hook: sets the Electron fuses in the packaged binary, before it is
// signed and wrapped into an installer. Fuses are switches compiled into Electron's binary; turned
// off here, no environment variable or command-line flag can turn them back on.
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/** What each fuse is set to, and why (see docs/security.md, "Packaged app"). */
export const fuseSettings = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js with its access.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload any script into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger into the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Cookies and other Chromium storage encrypted with an OS-held key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // app.asar is checked against the hash electron-builder embeds (macOS, Windows), so it cannot be swapped.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: no unpacked app/ folder beside it can take its place.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The packaged Electron binary in appOutDir: Kartlegg.app, Kartlegg.exe, or kartlegg on Linux. */
export function packagedBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  // electron-builder's Arch enum: 3 is arm64, whose macOS binaries must keep a valid ad-hoc signature.
  const arm64Mac = context.electronPlatformName === 'darwin' && context.arch === 3;
  await flipFuses(packagedBinary(context), { ...fuseSettings, resetAdHocDarwinSignature: arm64Mac });
}
