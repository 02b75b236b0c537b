/**
 * Counts renders of the components on the keystroke path, ONLY when a test has asked for
 * it by defining `window.__carehouseRenderProbe` (a Map) before the app starts. It counts
 * the real components in the real production build; otherwise it does nothing.
 */
interface ProbeWindow {
  __carehouseRenderProbe?: Map<string, number>;
}

export function countRender(name: string): void {
  const probe = (globalThis as ProbeWindow).__carehouseRenderProbe;
  if (probe) probe.set(name, (probe.get(name) ?? 0) + 1);
}
