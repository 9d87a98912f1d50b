/** The newest PostgreSQL server binary folder that has initdb and pg_ctl, or null. */
export function findPostgresBinDir(): string | null;
/** The Chromium executable (CHROMIUM_PATH or /usr/bin/chromium), or null. */
export function findChromium(): string | null;
