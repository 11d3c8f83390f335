// Reads the arguments: their JavaScript types, the option object's own keys, Dates, role and
// token-type names, and lone surrogates (which only JavaScript strings can hold). Every value
// rule (lengths, digits, ranges, session ids) belongs to the module and is checked there.
import { fail, kind, reasonError } from './errors.js';
import { LIMITS, REASON, ROLES, TOKEN_TYPES } from './tables.js';

const OPTION_NAMES = ['role', 'expireTime', 'data', 'initialLayoutClassList', 'tokenType'];

const isWellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** The API key as text. A number that is not a positive safe integer becomes '' (rejected by the module). */
export function apiKeyText(apiKey) {
  if (typeof apiKey === 'string') return apiKey;
  if (typeof apiKey === 'number') return Number.isSafeInteger(apiKey) && apiKey > 0 ? String(apiKey) : '';
  throw fail('ERR_INVALID_API_KEY', `apiKey must be a string or a number, got ${kind(apiKey)}`);
}

export function checkApiSecret(apiSecret) {
  if (typeof apiSecret !== 'string') {
    throw fail('ERR_INVALID_API_SECRET', `apiSecret must be a string, got ${kind(apiSecret)}`);
  }
}

export function checkSessionId(sessionId) {
  if (typeof sessionId !== 'string') {
    throw fail('ERR_INVALID_SESSION_ID', `sessionId must be a string, got ${kind(sessionId)}`);
  }
  if (!isWellFormed(sessionId)) {
    throw fail('ERR_INVALID_SESSION_ID', 'sessionId must be a well-formed string, got one with a lone surrogate');
  }
}

/** The application id, which must be a string (its form is checked by the module). */
export function checkApplicationId(applicationId) {
  if (typeof applicationId !== 'string') {
    throw fail('ERR_INVALID_APPLICATION_ID', `applicationId must be a string, got ${kind(applicationId)}`);
  }
}

/** A PEM private key, which must be a string. */
export function checkPrivateKey(privateKey) {
  if (typeof privateKey !== 'string') {
    throw fail('ERR_INVALID_PRIVATE_KEY', `privateKey must be a PEM string, got ${kind(privateKey)}`);
  }
}

/**
 * Reads an options object with only own keys among `names` (a polluted Object.prototype cannot
 * inject any): the values by name, each read once. `undefined` and `null` mean none.
 */
export function readOwnOptions(options, names) {
  const values = { __proto__: null };
  if (options === undefined || options === null) return values;
  const keys = typeof options === 'object' ? ownKeys(options) : undefined;
  if (keys === undefined) throw fail('ERR_INVALID_OPTIONS', `options must be a plain object, got ${kind(options)}`);
  for (const key of keys) {
    if (!names.includes(key)) throw unknownOption(key, names);
    try {
      values[key] = options[key];
    } catch (cause) {
      throw fail('ERR_INVALID_OPTIONS', `options.${key} could not be read`, cause);
    }
  }
  return values;
}

/** `text`, or its first `max + 1` code units when longer: enough for the module to reject it as too long. */
export function fit(text, max) {
  return text.length > max ? text.slice(0, max + 1) : text;
}

/** One token's options as the module takes them. */
export class Fields {
  role = 0;
  hasExpire = 0;
  expire = 0;
  data = '';
  layout = '';
  tokenType = 0;
}

const DEFAULTS = Object.freeze(new Fields());

/**
 * The error for an unknown option key. The key itself is never repeated (a secret pasted as a
 * key name must not reach a log): the message gives its length, the known option it most likely
 * meant, if any, and the known keys.
 */
function unknownOption(key, names) {
  const suggestion = closestOption(key, names);
  return fail('ERR_UNKNOWN_OPTION', `options has an unknown key (${kind(key)})${suggestion ? `; did you mean "${suggestion}"?` : ''} Known keys: ${names.join(', ')}`);
}

// The known option name closest to `key`, if any is close: same letters ignoring case and
// separators, or an edit distance of at most 3.
function closestOption(key, names) {
  const squash = (s) => s.toLowerCase().replace(/[^a-z]/g, '');
  const target = squash(key.slice(0, 64));
  let best;
  let bestDistance = 4;
  for (const name of names) {
    const candidate = squash(name);
    if (candidate === target) return name;
    const d = editDistance(candidate, target, bestDistance);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  if (best === undefined && target.length >= 4) {
    for (const name of names) if (squash(name).includes(target) || target.includes(squash(name))) return name;
  }
  return best;
}

function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function nameIndex(names, value, reason) {
  const index = typeof value === 'string' ? names.indexOf(value) : -1;
  if (index >= 0) return index;
  const hint = typeof value === 'string' && names.some((n) => n.toLowerCase() === value.toLowerCase()) ? ' (names are case-sensitive)' : '';
  throw reasonError(reason, `, got ${kind(value)}${hint}`);
}

function readExpireTime(value, fields) {
  if (typeof value === 'number') {
    fields.expire = value;
  } else {
    let ms;
    try {
      ms = Date.prototype.getTime.call(value);
    } catch {
      throw fail('ERR_INVALID_EXPIRE_TIME', `options.expireTime must be a Unix time in seconds or a Date, got ${kind(value)}`);
    }
    // An invalid Date gives NaN, which the module rejects.
    fields.expire = ms / 1000;
  }
  fields.hasExpire = 1;
}

function readData(data) {
  if (typeof data !== 'string') throw fail('ERR_INVALID_DATA', `options.data must be a string, got ${kind(data)}`);
  if (!isWellFormed(data)) throw reasonError(REASON.DataMalformed);
  return fit(data, LIMITS.data);
}

function readLayout(list) {
  let joined;
  if (typeof list === 'string') {
    joined = list;
  } else {
    let isArray = false;
    try {
      isArray = Array.isArray(list);
    } catch {
      isArray = false;
    }
    if (!isArray) {
      throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList must be a string or an array of strings, got ${kind(list)}`);
    }
    joined = joinClasses(list);
  }
  if (!isWellFormed(joined)) throw reasonError(REASON.LayoutMalformed);
  return fit(joined, LIMITS.initialLayoutClassList);
}

// Joins at most as many classes as can fit, plus one: a longer list is rejected for its length
// by the module, whatever its remaining elements are.
function joinClasses(list) {
  let length;
  try {
    length = list.length;
  } catch (cause) {
    throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', 'options.initialLayoutClassList could not be read', cause);
  }
  const max = LIMITS.initialLayoutClassList;
  let joined = '';
  for (let i = 0; i < length && joined.length <= max; i++) {
    let item;
    try {
      item = list[i];
    } catch (cause) {
      throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList[${i}] could not be read`, cause);
    }
    if (typeof item !== 'string') {
      throw fail('ERR_INVALID_LAYOUT_CLASS_LIST', `options.initialLayoutClassList[${i}] must be a string, got ${kind(item)}`);
    }
    joined = i === 0 ? item : `${joined} ${item}`;
  }
  return joined;
}

function ownKeys(options) {
  try {
    if (Array.isArray(options)) return undefined;
    const proto = Object.getPrototypeOf(options);
    // A plain object: its prototype is some realm's Object.prototype, or null.
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return undefined;
    return Object.keys(options);
  } catch (cause) {
    throw fail('ERR_INVALID_OPTIONS', 'options could not be read', cause);
  }
}

/**
 * Reads an options argument into Fields. Only the object's own keys count, so a polluted
 * Object.prototype cannot inject options; every key is read once, before any is checked.
 */
export function readOptions(options) {
  if (options === undefined || options === null) return DEFAULTS;
  const keys = typeof options === 'object' ? ownKeys(options) : undefined;
  if (keys === undefined) throw fail('ERR_INVALID_OPTIONS', `options must be a plain object, got ${kind(options)}`);
  let role;
  let expireTime;
  let data;
  let layout;
  let tokenType;
  for (const key of keys) {
    let value;
    try {
      value = options[key];
    } catch (cause) {
      throw fail('ERR_INVALID_OPTIONS', `options.${OPTION_NAMES.includes(key) ? key : 'property'} could not be read`, cause);
    }
    switch (key) {
      case 'role': role = value; break;
      case 'expireTime': expireTime = value; break;
      case 'data': data = value; break;
      case 'initialLayoutClassList': layout = value; break;
      case 'tokenType': tokenType = value; break;
      default: throw unknownOption(key, OPTION_NAMES);
    }
  }
  const fields = new Fields();
  if (role !== undefined) fields.role = nameIndex(ROLES, role, REASON.Role);
  if (expireTime !== undefined) readExpireTime(expireTime, fields);
  if (data !== undefined) fields.data = readData(data);
  if (layout !== undefined) fields.layout = readLayout(layout);
  if (tokenType !== undefined) fields.tokenType = nameIndex(TOKEN_TYPES, tokenType, REASON.TokenType);
  return fields;
}
