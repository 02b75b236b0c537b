import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Support log. By construction it carries no personal data: an event is a fixed name plus
 * a few fields whose values must be numbers, booleans or short machine tokens (ids,
 * codes). Free text never reaches it, so names, NHS numbers and plan text cannot leak.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFieldValue = number | boolean | string;

const MAX_BYTES = 1024 * 1024;
const KEPT_FILES = 3;
/**
 * The only strings a log line may carry: lower-case kebab-case codes ("invalid-input"),
 * UUIDs (plan ids are random, not personal), and JavaScript error class names. Anything
 * else — a capitalised name, digits (an NHS number), spaces — is redacted.
 */
const SAFE_STRINGS = [
  /^[a-z][a-z0-9]*(-[a-z0-9]+){0,7}$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  /^[A-Z][A-Za-z]{0,40}Error$/,
];

let logDir: string | undefined;

export function configureLog(directory: string | undefined): void {
  logDir = directory;
  if (directory) mkdirSync(directory, { recursive: true, mode: 0o700 });
}

function safeValue(value: LogFieldValue): LogFieldValue {
  if (typeof value !== 'string') return value;
  return value.length <= 64 && SAFE_STRINGS.some((pattern) => pattern.test(value)) ? value : '[redacted]';
}

function rotate(file: string): void {
  if (!existsSync(file) || statSync(file).size < MAX_BYTES) return;
  for (let index = KEPT_FILES - 1; index >= 1; index -= 1) {
    const from = index === 1 ? file : `${file}.${index - 1}`;
    if (existsSync(from)) renameSync(from, `${file}.${index}`);
  }
}

export function logEvent(level: LogLevel, event: string, fields: Record<string, LogFieldValue> = {}): void {
  const safeFields = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, safeValue(value)]));
  const line = JSON.stringify({ at: new Date().toISOString(), level, event: safeValue(event), ...safeFields });
  if (!logDir) return;
  const file = join(logDir, 'carehouse.log');
  try {
    rotate(file);
    appendFileSync(file, `${line}\n`, { mode: 0o600 });
  } catch {
    // Logging must never take the app down.
  }
}
