import { setFlagsFromString } from 'node:v8';

/**
 * V8's allocation-site pretenuring off, for the server's process (ADR 0031). Imported first by
 * server/main.ts, and by the benches that run the app or its FEST import in their own process, so
 * that they measure the runtime as it is served.
 *
 * With pretenuring, V8 counts how many of an allocation site's objects survive a scavenge and,
 * when nearly all do, allocates that site's objects straight into the old generation from then on.
 * A scavenge in the middle of a request finds the request's objects alive (pg's rows, the loader's
 * data), so such sites are tenured: every later request's rows are then made old, and the young
 * objects they point to (their strings) survive each scavenge and are copied into the old
 * generation with them. On the statistics view by scheme that was about 1.1 MB promoted per
 * scavenge (one every third request) against 0.28 MB without pretenuring, and with it the pause
 * (docs/performance.md, "Seventeenth round").
 *
 * Set at start-up, before the app has allocated anything to tenure: V8 reads this flag at each
 * scavenge and when it compiles an allocation, and does not freeze its flags on Node 20.
 */
setFlagsFromString('--no-allocation-site-pretenuring');
