// TokenError and the messages of the errors the JavaScript layer finds itself (wrong types,
// unreadable options). The module's errors carry the messages of tables.js, generated from Rust.
import { shared } from './shared.js';
import { REASONS } from './tables.js';

/** The error every failure throws; `code` is stable, `message` never contains the secret. */
class LocalTokenError extends Error {
  constructor(code, message, options) {
    super(message, options);
    Object.defineProperty(this, 'code', { value: code, enumerable: true });
  }
}
Object.defineProperty(LocalTokenError, 'name', { value: 'TokenError', configurable: true });
Object.defineProperty(LocalTokenError.prototype, 'name', { value: 'TokenError', writable: true, configurable: true });

/** One class for every copy of the package in this realm (shared.js), so `instanceof` always holds. */
export const TokenError = (shared.TokenError ??= LocalTokenError);

/** A TokenError found by the JavaScript layer; `cause` is what a user's getter or proxy threw. */
export function fail(code, message, cause) {
  return new TokenError(code, message, cause === undefined ? undefined : { cause });
}

/** The TokenError for reason `index` of tables.js (see the module's REASON), with a detail appended, and what caused it. */
export function reasonError(index, detail = '', cause = undefined) {
  const reason = REASONS[index];
  return new TokenError(reason.code, reason.message + detail, cause === undefined ? undefined : { cause });
}

/** Describes a value by its kind only: never its content, which could be a secret. */
export function kind(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': return `a string of length ${value.length}`;
    case 'number':
      if (Number.isNaN(value)) return 'NaN';
      if (!Number.isFinite(value)) return 'an infinite number';
      return Number.isInteger(value) ? 'an integer' : 'a fractional number';
    case 'undefined': return 'undefined';
    case 'function': return 'a function';
    case 'object':
      try {
        if (Array.isArray(value)) return 'an array';
      } catch {
        return 'a revoked proxy';
      }
      return 'an object';
    default: return `a ${typeof value}`;
  }
}
