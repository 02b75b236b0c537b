import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type * as Y from 'yjs';
import { encodeKeyBytes } from '../../shared/identity';
import { authMessage, authorsAnswerSchema, challengeResponseSchema, planListSchema, type RelayAuthor } from './relay-auth-message';

/**
 * A member's connection to the practice relay: one WebSocket (HocuspocusProviderWebsocket)
 * carrying every plan's HocuspocusProvider. It proves the member's key by signing a fresh
 * challenge for each new socket — nothing reusable is ever stored. Given several relay
 * addresses (processes behind one practice), a dropped socket reconnects to the next one.
 */
export interface RelaySigner {
  publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

export class RelayUnreachableError extends Error {
  constructor(url: string) {
    super(`The practice server at ${url} could not be reached.`);
    this.name = 'RelayUnreachableError';
  }
}

export class RelayRefusedError extends Error {
  constructor(readonly code: string) {
    super(
      code === 'unknown-member'
        ? 'The practice server does not accept this machine (its membership may have been revoked). Ask the practice for a new invitation.'
        : `The practice server refused this machine (${code}).`,
    );
    this.name = 'RelayRefusedError';
  }
}

export function httpBaseOf(relayUrl: string): string {
  return relayUrl.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
}

const HTTP_TIMEOUT_MS = 10_000;

async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch {
    throw new RelayUnreachableError(url.replace(/\/v1\/.*$/, ''));
  }
  return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
}

/** Fetches a fresh challenge and signs it: the answer is good for one socket or one request. */
export async function answerChallenge(relayUrl: string, signer: RelaySigner): Promise<string> {
  const { body } = await getJson(`${httpBaseOf(relayUrl)}/v1/challenge`);
  const parsed = challengeResponseSchema.safeParse(body);
  if (!parsed.success) throw new RelayRefusedError('no-challenge');
  const { challenge } = parsed.data;
  return JSON.stringify({ v: 1, key: encodeKeyBytes(signer.publicKey), challenge, signature: encodeKeyBytes(signer.sign(authMessage(challenge))) });
}

/** Every plan the relay holds. */
export async function listRelayPlans(relayUrl: string, signer: RelaySigner): Promise<string[]> {
  const answer = await answerChallenge(relayUrl, signer);
  const { status, body } = await getJson(`${httpBaseOf(relayUrl)}/v1/plans`, { 'x-carehouse-auth': answer });
  if (status === 403) throw new RelayRefusedError(typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : 'refused');
  const parsed = planListSchema.safeParse(body);
  if (!parsed.success) throw new RelayRefusedError('bad-plan-list');
  return parsed.data.plans;
}

/**
 * ws emits 'error' when a socket is closed before it opened (a round with nothing to sync
 * destroys its client at once, or the relay is down); Hocuspocus removes its own listeners
 * on destroy, and an 'error' with no listener takes the whole host process down. Failures
 * still reach Hocuspocus as 'close', which is how it reconnects.
 */
class RelayWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

export class RelayClient {
  readonly socket: HocuspocusProviderWebsocket;
  readonly #urls: readonly string[];
  readonly #signer: RelaySigner;
  #urlIndex = 0;
  #answer: Promise<string> | undefined;
  #refused: ((code: string) => void) | undefined;

  constructor(urls: readonly string[], signer: RelaySigner, options: { onRefused?: (code: string) => void; maxDelayMs?: number } = {}) {
    if (urls.length === 0) throw new Error('A relay address is needed.');
    this.#urls = urls;
    this.#signer = signer;
    this.#refused = options.onRefused;
    this.socket = new HocuspocusProviderWebsocket({
      url: urls[0] ?? '',
      WebSocketPolyfill: RelayWebSocket,
      // Reconnect quickly: a relay process that died is replaced by the next address.
      delay: 200,
      minDelay: 200,
      maxDelay: options.maxDelayMs ?? 5_000,
      factor: 1.5,
      maxAttempts: 0,
    });
    this.socket.on('close', () => {
      // A new socket needs a new answer; and if this relay went away, try the next one.
      this.#answer = undefined;
      this.#urlIndex = (this.#urlIndex + 1) % this.#urls.length;
      this.socket.configuration.url = this.#urls[this.#urlIndex] ?? this.socket.configuration.url;
    });
  }

  get currentUrl(): string {
    return this.socket.configuration.url;
  }

  /** The token every plan's provider sends: one fresh signed challenge per socket. */
  readonly token = (): Promise<string> => {
    this.#answer ??= answerChallenge(this.currentUrl, this.#signer).catch((error: unknown) => {
      this.#answer = undefined;
      throw error;
    });
    return this.#answer;
  };

  open(planId: string, document: Y.Doc): HocuspocusProvider {
    const provider = new HocuspocusProvider({ websocketProvider: this.socket, name: planId, document, token: this.token });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.#refused?.(reason));
    provider.attach();
    return provider;
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Asks, over the plan's authenticated socket, which enrolled members wrote these changes. */
export function askAuthors(provider: HocuspocusProvider, clientIds: readonly number[], timeoutMs = 10_000): Promise<RelayAuthor[]> {
  if (clientIds.length === 0) return Promise.resolve([]);
  const requestId = Math.random().toString(36).slice(2);
  return new Promise((resolve) => {
    const finish = (authors: RelayAuthor[]) => {
      clearTimeout(timer);
      provider.off('stateless', onStateless);
      resolve(authors);
    };
    const onStateless = ({ payload }: { payload: string }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        return;
      }
      const answer = authorsAnswerSchema.safeParse(parsed);
      if (answer.success && answer.data.requestId === requestId) finish(answer.data.authors);
    };
    // No answer (an older relay): the change is attributed to the practice server itself.
    const timer = setTimeout(() => finish([]), timeoutMs);
    provider.on('stateless', onStateless);
    provider.sendStateless(JSON.stringify({ type: 'authors', requestId, clients: clientIds.slice(0, 256) }));
  });
}
