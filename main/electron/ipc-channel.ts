/** One IPC channel per contract call, namespaced so nothing else can collide with it. */
export function ipcChannelFor(callName: string): string {
  return `carehouse:call:${callName}`;
}
