/** Telling a PostgreSQL URL from a store file, and showing a URL without its password. */

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;
/** What stands for a password in messages. */
const HIDDEN = "***";
/** `user:password@` in a URL that the URL parser refused. */
const USERINFO_PASSWORD = /^([a-z]+:\/\/[^:@/]*):[^@/]*@/i;

/** Whether the store target is a PostgreSQL URL (`postgres://…` or `postgresql://…`), not a file. */
export function isPostgresUrl(target: string): boolean {
  return POSTGRES_URL.test(target.trim());
}

/** The URL with its password (in the user part or a `password` parameter) replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = HIDDEN;
    if (parsed.searchParams.has("password")) parsed.searchParams.set("password", HIDDEN);
    return parsed.toString();
  } catch {
    return url.replace(USERINFO_PASSWORD, `$1:${HIDDEN}@`);
  }
}
