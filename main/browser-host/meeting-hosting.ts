/**
 * Starts the meeting signaling server next to the browser host (--host-meeting).
 * The server itself lives in main/sync; this only adapts it for the host.
 */
export interface MeetingHosting {
  url: string;
  close: () => Promise<void>;
}

export async function startMeetingHosting(host: string, port: number): Promise<MeetingHosting> {
  const { startSignalingServer } = await import('../sync/signaling-server');
  const server = await startSignalingServer({ host, port });
  return { url: server.url, close: () => server.close() };
}
