/**
 * Where the queue lives: a `redis://` or `rediss://` (TLS) URL, `[user[:password]@]host[:port][/db]`.
 * The password is kept for the connection only; everything the program prints shows the
 * redacted form (`shown`), so a password never reaches a log or a terminal.
 */
export interface RedisTarget {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
  /** The URL with any password replaced by `***`: the only form ever printed. */
  readonly shown: string;
}

export type ParsedRedisUrl = { readonly ok: true; readonly target: RedisTarget } | { readonly ok: false; readonly message: string };

const DEFAULT_PORT = 6379;
/** Redis's default `databases` setting allows 0–15; a server may allow more. */
const MAX_DB = 65_535;

export function parseRedisUrl(text: string): ParsedRedisUrl {
  const trimmed = text.trim();
  const scheme = /^(rediss?):\/\//i.exec(trimmed);
  // The message never repeats `text`: it may hold a password.
  if (scheme === null) return { ok: false, message: `expected a redis://HOST:PORT[/DB] URL, got ${describe(trimmed)}` };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'the Redis URL is not a valid URL (expected redis://[:PASSWORD@]HOST:PORT[/DB])' };
  }
  const tls = url.protocol === 'rediss:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return { ok: false, message: 'the Redis URL names no host (expected redis://HOST:PORT[/DB])' };
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (!/^\d*$/.test(dbText) || Number(dbText) > MAX_DB) return { ok: false, message: `the Redis URL's database must be a number from 0, as in redis://HOST:PORT/0; got "/${dbText}"` };
  if (url.search !== '' || url.hash !== '') return { ok: false, message: 'the Redis URL takes no ?query or #fragment (expected redis://[:PASSWORD@]HOST:PORT[/DB])' };
  const db = dbText === '' ? 0 : Number(dbText);
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  const credentials = username === undefined && password === undefined ? '' : `${username === undefined ? '' : encodeURIComponent(username)}${password === undefined ? '' : ':***'}@`;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const shown = `${tls ? 'rediss' : 'redis'}://${credentials}${shownHost}:${port}/${db}`;
  return { ok: true, target: { host, port, db, username, password, tls, shown } };
}

/** What was given instead of a URL, without echoing it (it may be a password or a mistyped secret). */
function describe(text: string): string {
  if (text === '') return 'nothing';
  if (/\.(ya?ml)$/i.test(text)) return `a file name (${text}): to take the URL from REDIS_URL, put --queue after the files`;
  return 'something else (it is not shown, in case it holds a password)';
}
