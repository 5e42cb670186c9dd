export const id = 668;
export const ids = [668];
export const modules = {

/***/ 7668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPreflight: () => (/* binding */ runPreflight)
});

// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/duration.ts
var duration = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/util/untrusted-text.ts
var untrusted_text = __webpack_require__(4244);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./src/http/transport.ts
var transport = __webpack_require__(1517);
// EXTERNAL MODULE: ./src/http/user-agent.ts
var user_agent = __webpack_require__(1153);
;// CONCATENATED MODULE: ./src/preflight/probe.ts





/** How long one request may take to bring its status line and headers. */
const REQUEST_TIMEOUT_MS = 10_000;
const TIMED_OUT = 'preflight request timed out';
/**
 * One GET, without following redirects or reading the body: the status and headers are all the
 * preflight needs, and a large page should cost nothing. The connection goes through the agent
 * `@actions/http-client` picks for the URL, so a self-hosted runner's proxy settings (HTTPS_PROXY,
 * NO_PROXY) apply as they do to every other request of the action.
 */
function probe(request) {
    const { url, signal } = request;
    if (signal.aborted)
        return Promise.resolve({ kind: 'failure', failure: 'aborted', code: undefined });
    const proxyAware = new lib/* HttpClient */.Qq(user_agent/* USER_AGENT */._O, [], { keepAlive: false });
    const agent = proxyAware.getAgent(url.href);
    const module = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
    return new Promise(resolve => {
        let settled = false;
        const finish = (probe) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal.removeEventListener('abort', onAbort);
            resolve(probe);
        };
        let req;
        try {
            req = module.request(url, { method: 'GET', agent, headers: { 'user-agent': user_agent/* USER_AGENT */._O, accept: 'text/html,*/*', ...request.headers } }, res => {
                finish(answerOf(res, url, request.now()));
                // The body is not needed: drop it with the connection rather than download it.
                res.on('error', () => undefined);
                res.destroy();
            });
        }
        catch (error) {
            // Node refuses some requests before sending them (a header it cannot carry): no answer either.
            resolve(failureOf(error));
            return;
        }
        const timer = setTimeout(() => req.destroy(new Error(TIMED_OUT)), request.timeoutMs);
        const onAbort = () => {
            finish({ kind: 'failure', failure: 'aborted', code: undefined });
            req.destroy();
        };
        signal.addEventListener('abort', onAbort, { once: true });
        req.on('error', error => finish(failureOf(error)));
        req.end();
    }).finally(() => proxyAware.dispose());
}
function answerOf(res, url, now) {
    const headers = res.headers;
    return {
        kind: 'answer',
        status: res.statusCode ?? 0,
        location: resolveLocation(headers.location, url),
        retryAfterMs: (0,transport/* parseRetryAfter */.mu)(headers['retry-after'], now),
        fromVercel: /vercel/i.test(String(headers.server ?? '')) || headers['x-vercel-id'] !== undefined,
        authScheme: /^\s*([A-Za-z][\w.-]*)/.exec(String(headers['www-authenticate'] ?? ''))?.[1]
    };
}
function resolveLocation(location, base) {
    if (location === undefined || location.trim() === '')
        return undefined;
    try {
        const resolved = new URL(location, base);
        return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved : undefined;
    }
    catch {
        return undefined;
    }
}
const FAILURES = {
    ECONNREFUSED: 'refused',
    ECONNRESET: 'reset',
    EPIPE: 'reset',
    ENOTFOUND: 'dns',
    EAI_AGAIN: 'dns',
    EAI_NONAME: 'dns',
    ETIMEDOUT: 'timeout',
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
    EHOSTDOWN: 'unreachable'
};
/** Node's TLS verification errors: a self-signed, expired or mismatched certificate. */
const CERTIFICATE_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT)/;
function failureOf(error) {
    const code = typeof error.code === 'string' ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (message === TIMED_OUT)
        return { kind: 'failure', failure: 'timeout', code: undefined };
    if (code !== undefined && CERTIFICATE_CODE.test(code))
        return { kind: 'failure', failure: 'certificate', code };
    const known = code === undefined ? undefined : FAILURES[code];
    if (known !== undefined)
        return { kind: 'failure', failure: known, code };
    // "socket hang up": the server closed the connection before it answered.
    if (/socket hang up/i.test(message))
        return { kind: 'failure', failure: 'reset', code };
    return { kind: 'failure', failure: 'network', code };
}

;// CONCATENATED MODULE: ./src/preflight/schedule.ts
/** How long the preflight waits before it asks a site that is not ready yet again. */
const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10_000;
/**
 * 1 s, 2 s, 4 s, 8 s, then every 10 s: a preview that comes up in seconds is seen in seconds, and
 * one that takes minutes gets a request every 10 s. The site's `Retry-After` wins within the same
 * bounds: never sooner than 1 s (no request storm), never later than 10 s (a long Retry-After
 * from a cold start must not hide the moment the site comes up). No jitter: one step checks one
 * site, so there is no crowd of clients to spread out.
 */
function retryDelayMs(failures, retryAfterMs) {
    const backoff = MIN_DELAY_MS * 2 ** Math.max(0, failures - 1);
    return Math.min(MAX_DELAY_MS, Math.max(MIN_DELAY_MS, retryAfterMs ?? backoff));
}

;// CONCATENATED MODULE: ./src/preflight/verdict.ts


const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Answers that mean "not yet" even below 500: not deployed yet, too slow, too many requests. */
const NOT_YET = new Set([404, 408, 429]);
/** Reads one answer of a check: follow its redirect, or the check's answer. */
function step(probe, hop) {
    if (probe.kind === 'failure') {
        return { answer: failureAnswer(probe.failure, probe.code, hop.redirects, hop.timeoutMs ?? REQUEST_TIMEOUT_MS) };
    }
    const { status, location } = probe;
    const elsewhere = hop.url.origin === hop.targetOrigin ? undefined : hop.url.origin;
    if (REDIRECTS.has(status) && location !== undefined) {
        if (isVercelLogin(location)) {
            return {
                answer: { kind: 'vercel-protected', what: "redirects to Vercel's login", secretSent: hop.secretSent, elsewhere }
            };
        }
        if (hop.redirects < MAX_REDIRECTS)
            return { follow: location };
        return { answer: { kind: 'ready', status, redirects: hop.redirects, redirectLimit: true } };
    }
    if (status === 401 || status === 403) {
        if (probe.fromVercel) {
            return {
                answer: {
                    kind: 'vercel-protected',
                    what: `answered ${status} from Vercel`,
                    secretSent: hop.secretSent,
                    elsewhere
                }
            };
        }
        const scheme = probe.authScheme === undefined ? '' : ` (${probe.authScheme} authentication)`;
        return { answer: { kind: 'guarded', what: `answered ${status}${scheme}`, redirects: hop.redirects } };
    }
    if (status >= 500 || NOT_YET.has(status)) {
        return { answer: { kind: 'not-ready', what: String(status), retryAfterMs: probe.retryAfterMs } };
    }
    return { answer: { kind: 'ready', status, redirects: hop.redirects, redirectLimit: false } };
}
/** Vercel's login for protected deployments: vercel.com/login, or its SSO hand-off vercel.com/sso-api. */
function isVercelLogin(location) {
    const host = location.hostname.toLowerCase();
    const onVercel = host === 'vercel.com' || host.endsWith('.vercel.com');
    return onVercel && /^\/(login|sso-api)(\/|$)/.test(location.pathname);
}
function failureAnswer(failure, code, redirects, timeoutMs) {
    if (failure === 'aborted')
        return { kind: 'aborted' };
    if (failure === 'certificate') {
        return {
            kind: 'guarded',
            what: `presented a TLS certificate this runner does not trust (${code ?? 'unknown'})`,
            redirects
        };
    }
    return { kind: 'not-ready', what: FAILURE_WORDS[failure](code, timeoutMs), retryAfterMs: undefined };
}
const FAILURE_WORDS = {
    refused: () => 'connection refused',
    reset: () => 'connection reset',
    dns: () => 'no DNS record',
    timeout: (_code, timeoutMs) => `no answer within ${(0,duration/* formatDuration */.a)(timeoutMs)}`,
    unreachable: code => `host unreachable (${code ?? 'unknown'})`,
    network: code => `network error${code === undefined ? '' : ` (${code})`}`
};

;// CONCATENATED MODULE: ./src/preflight/site.ts





const HEARTBEAT_MS = 30_000;
const BYPASS_HEADER = 'x-vercel-protection-bypass';
/**
 * Checks a site until it is ready, turns out to be protected, or the deadline passes; logs what
 * it answers while it is not ready: when the answer changes, and about every 30 s.
 */
async function waitForSite(site, wait) {
    const { clock, signal, log } = wait;
    const name = displayUrl(site.url);
    const url = httpUrl(site.url);
    const elapsed = () => clock.now() - wait.startedAt;
    if (url === undefined) {
        // Inputs are checked before the preflight; this only guards against an odd URL from an event.
        return notReady({
            name,
            last: 'not an absolute http(s) URL',
            lastForMs: 0,
            lastThroughout: true,
            waitedMs: 0,
            checks: 0
        });
    }
    let checks = 0;
    let last;
    let lastSinceMs = 0;
    let lastThroughout = true;
    let loggedAtMs = 0;
    for (;;) {
        // Every check, its redirects included, ends at most one request's time past the deadline.
        const answer = await checkOnce(url, site.bypassSecret, signal, () => clock.now(), wait.deadline + REQUEST_TIMEOUT_MS);
        if (answer.kind === 'aborted' || signal.aborted)
            return { kind: 'stopped' };
        checks += 1;
        const atMs = elapsed();
        if (answer.kind === 'ready' || answer.kind === 'guarded')
            return { kind: 'ready', name, answer, checks, atMs };
        if (answer.kind === 'vercel-protected') {
            return { kind: 'protected', name, answer, hasSecret: site.bypassSecret !== undefined, origin: url.origin };
        }
        const remainingMs = wait.deadline - clock.now();
        if (answer.what !== last) {
            if (last !== undefined)
                lastThroughout = false;
            last = answer.what;
            lastSinceMs = atMs;
            loggedAtMs = atMs;
            if (checks === 1) {
                if (remainingMs >= MIN_DELAY_MS) {
                    log(`Waiting for ${name}: ${answer.what}; asking again for up to ${(0,duration/* formatDuration */.a)(remainingMs)}.`);
                }
            }
            else
                log(`Waiting for ${name}: now ${answer.what}, after ${(0,duration/* formatDuration */.a)(atMs)} (${plural(checks, 'check')}).`);
        }
        else if (atMs - loggedAtMs >= HEARTBEAT_MS) {
            loggedAtMs = atMs;
            log(`Waiting for ${name}: still ${answer.what} after ${(0,duration/* formatDuration */.a)(atMs)} (${plural(checks, 'check')}).`);
        }
        // The last check comes at the deadline at the latest, and never sooner than 1 s after the one before.
        if (remainingMs < MIN_DELAY_MS) {
            return notReady({ name, last, lastForMs: atMs - lastSinceMs, lastThroughout, waitedMs: atMs, checks });
        }
        const delayMs = Math.min(retryDelayMs(checks, answer.retryAfterMs), remainingMs);
        if ((await abortableSleep(clock, delayMs, signal)) === STOPPED)
            return { kind: 'stopped' };
    }
}
function notReady(outcome) {
    return { kind: 'not-ready', ...outcome };
}
/**
 * One check: a GET of the URL with its redirects followed one by one, so that every hop is read
 * (a redirect to Vercel's login is an answer in itself). The bypass secret goes only to the URL's
 * own origin: a redirect elsewhere must not carry it off. Each request gets 10 s, and none goes
 * past `until` (clock time): a chain of slow redirects is not followed past it.
 */
async function checkOnce(url, bypassSecret, signal, now, until) {
    const targetOrigin = url.origin;
    let hopUrl = url;
    for (let redirects = 0;; redirects += 1) {
        const timeoutMs = Math.min(REQUEST_TIMEOUT_MS, until - now());
        if (timeoutMs <= 0) {
            return {
                kind: 'not-ready',
                what: `redirected ${plural(redirects, 'time')} without a page in time`,
                retryAfterMs: undefined
            };
        }
        const secretSent = bypassSecret !== undefined && hopUrl.origin === targetOrigin;
        const headers = secretSent ? { [BYPASS_HEADER]: bypassSecret } : {};
        const seen = await probe({ url: hopUrl, headers, timeoutMs, signal, now });
        const next = step(seen, { url: hopUrl, targetOrigin, secretSent, redirects, timeoutMs });
        if ('answer' in next)
            return next.answer;
        hopUrl = next.follow;
    }
}
/**
 * The URL as the log shows it: no user name or password, no bypass parameter (should a caller
 * pass one), and made inert as untrusted text, since it may come from the event.
 */
function displayUrl(url) {
    const parsed = httpUrl(url);
    if (parsed === undefined)
        return (0,untrusted_text/* inline */.mG)(url, 200);
    parsed.username = '';
    parsed.password = '';
    for (const param of [BYPASS_HEADER, 'x-vercel-set-bypass-cookie']) {
        if (parsed.searchParams.has(param))
            parsed.searchParams.delete(param);
    }
    return (0,untrusted_text/* inline */.mG)(parsed.href, 200);
}
function httpUrl(url) {
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
const STOPPED = Symbol('stopped');
function abortableSleep(clock, ms, signal) {
    if (signal.aborted)
        return Promise.resolve(STOPPED);
    return new Promise(resolve => {
        const onAbort = () => resolve(STOPPED);
        signal.addEventListener('abort', onAbort, { once: true });
        void clock.sleep(ms).then(() => {
            signal.removeEventListener('abort', onAbort);
            resolve(undefined);
        });
    });
}

;// CONCATENATED MODULE: ./src/preflight/words.ts


const BYPASS_SETTING = 'Project Settings → Deployment Protection → Protection Bypass for Automation';
/** "https://… answered 200 after 42 s (7 checks)"; several sites in one line. */
function readyLine(sites) {
    if (sites.length === 1 && sites[0] !== undefined)
        return `${readyPhrase(sites[0])}.`;
    return `${sites.length} sites are ready: ${sites.map(readyPhrase).join('; ')}.`;
}
function readyPhrase({ name, answer, checks, atMs }) {
    const what = answer.kind === 'ready' ? `answered ${answer.status}` : answer.what;
    const when = checks === 1 ? 'at the first check' : `after ${(0,duration/* formatDuration */.a)(atMs)} (${plural(checks, 'check')})`;
    const redirects = answer.redirects === 0
        ? ''
        : answer.kind === 'ready' && answer.redirectLimit
            ? `, after ${plural(answer.redirects, 'redirect')} (not followed further)`
            : `, after ${plural(answer.redirects, 'redirect')}`;
    return `${name} ${what} ${when}${redirects}`;
}
/** The warning for a site that is up behind something the preflight cannot get past. */
function guardedWarning(name, what, serviceName) {
    return (`${name} ${what}: the preflight cannot see past that, so it takes the site as up and starts the ${serviceName} run. ` +
        `The run needs its own way in (credentials or a certificate ${serviceName} accepts), or its tests stop there.`);
}
/** "https://… was not ready: 503 for 5m 00s (31 checks)" */
function notReadyPhrase({ name, last, lastForMs, lastThroughout, waitedMs, checks }) {
    if (checks <= 1)
        return `${name} was not ready: ${last}${checks === 1 ? ' (1 check)' : ''}`;
    const span = lastThroughout
        ? `for ${(0,duration/* formatDuration */.a)(lastForMs)}`
        : `for the last ${(0,duration/* formatDuration */.a)(lastForMs)} of ${(0,duration/* formatDuration */.a)(waitedMs)}`;
    return `${name} was not ready: ${last} ${span} (${plural(checks, 'check')})`;
}
function notReadyStop(sites, serviceName) {
    return (`${sites.map(notReadyPhrase).join('; ')}. No ${serviceName} run was started. ` +
        'Raise preflight_timeout_seconds if the site needs longer to come up, or set preflight: warn to start the run anyway.');
}
function notReadyLine(sites, serviceName) {
    return `${sites.map(notReadyPhrase).join('; ')}; no ${serviceName} run was started.`;
}
function notReadyWarning(sites, serviceName) {
    return `${sites.map(notReadyPhrase).join('; ')}; starting the ${serviceName} run anyway (preflight: warn).`;
}
/** The one line of a Vercel protection stop: what turned the agent away and how to let it in. */
function protectedStop(site, serviceName) {
    const { name, answer, hasSecret, origin } = site;
    const noRun = `No ${serviceName} run was started.`;
    if (hasSecret && !answer.secretSent) {
        return (`${name} leads to ${answer.elsewhere ?? 'another site'}, which is behind Vercel Deployment Protection (it ${answer.what}); ` +
            `the bypass secret is only sent to ${origin}. Test the Vercel deployment's own URL instead. ${noRun}`);
    }
    if (hasSecret) {
        return (`Vercel refused the bypass secret for ${name}: with it in the x-vercel-protection-bypass header, the site still ${answer.what}. ` +
            `The secret in vercel_bypass_secret is wrong or was rotated: copy the current one from ${BYPASS_SETTING}. ${noRun}`);
    }
    return (`${name} is behind Vercel Deployment Protection (it ${answer.what}), so ${serviceName}'s agent would only see Vercel's login. ` +
        `Pass the project's bypass secret as vercel_bypass_secret (${BYPASS_SETTING}) to let the agent in. ${noRun}`);
}
function protectedLine(site, serviceName) {
    const which = site.hasSecret && site.answer.secretSent
        ? `Vercel refused the bypass secret for ${site.name}`
        : `${site.name} is behind Vercel Deployment Protection`;
    return `${which}; no ${serviceName} run was started.`;
}
function cancelledLine(waitedMs, serviceName) {
    return `The workflow was cancelled during the preflight, after ${(0,duration/* formatDuration */.a)(waitedMs)}; no ${serviceName} run was started.`;
}
const SKIPPED_LINE = 'No URL to check: the preflight was skipped.';

;// CONCATENATED MODULE: ./src/preflight/preflight.ts



/**
 * Checks every target at the same time, until all are ready, one is protected (which ends the
 * others at once), the timeout passes or the workflow is cancelled. In parallel rather than in
 * turn: the sites come up independently, so the wait is as long as the slowest one, and a
 * protected site is reported at once instead of after another site's whole wait.
 *
 * The log gets everything as it happens: the waiting lines, the final line (ready), and the
 * warnings (a site behind other credentials; not ready in `warn` mode). A caller only fails the
 * step with `stop` when it is set, and puts `line` in the summary. Bad input (a bypass secret that
 * no header can carry) throws an ActionError before any request.
 */
async function runPreflight(options) {
    const { clock, serviceName } = options;
    const targets = distinct(options.targets);
    checkSecrets(targets);
    if (targets.length === 0) {
        options.log(SKIPPED_LINE);
        return { status: 'skipped', line: SKIPPED_LINE };
    }
    const startedAt = clock.now();
    const cancelled = () => {
        const line = cancelledLine(clock.now() - startedAt, serviceName);
        return { status: 'cancelled', line, stop: line };
    };
    if (options.signal.aborted)
        return cancelled();
    // Ends every site's wait: on a workflow cancel, or when one site is protected.
    const halt = new AbortController();
    const onCancel = () => halt.abort();
    options.signal.addEventListener('abort', onCancel, { once: true });
    const wait = { clock, startedAt, deadline: startedAt + options.timeoutMs, signal: halt.signal, log: options.log };
    let outcomes;
    try {
        outcomes = await Promise.all(targets.map(async (target) => {
            const outcome = await waitForSite(target, wait);
            if (outcome.kind === 'protected')
                halt.abort();
            return outcome;
        }));
    }
    finally {
        options.signal.removeEventListener('abort', onCancel);
        halt.abort();
    }
    if (options.signal.aborted)
        return cancelled();
    const protectedSite = outcomes.find(outcome => outcome.kind === 'protected');
    if (protectedSite) {
        return {
            status: 'protected',
            line: protectedLine(protectedSite, serviceName),
            stop: protectedStop(protectedSite, serviceName)
        };
    }
    const ready = outcomes.filter(outcome => outcome.kind === 'ready');
    const notReady = outcomes.filter(outcome => outcome.kind === 'not-ready');
    if (notReady.length > 0 && options.mode === 'wait') {
        return { status: 'not-ready', line: notReadyLine(notReady, serviceName), stop: notReadyStop(notReady, serviceName) };
    }
    // The run starts: say what it may run into.
    for (const site of ready) {
        if (site.answer.kind === 'guarded')
            options.warn(guardedWarning(site.name, site.answer.what, serviceName));
    }
    if (notReady.length > 0) {
        const line = notReadyWarning(notReady, serviceName);
        options.warn(line);
        return { status: 'not-ready', line };
    }
    const line = readyLine(ready);
    options.log(line);
    return { status: 'ready', seconds: Math.round(Math.max(...ready.map(site => site.atMs)) / 1000), line };
}
/** The characters Node refuses in a header value (it would throw before sending). */
const NOT_IN_A_HEADER = /[^\t\x20-\x7e\x80-\xff]/;
/** A bypass secret that cannot travel in a header is bad input: say so before any request. */
function checkSecrets(targets) {
    if (targets.some(target => target.bypassSecret !== undefined && NOT_IN_A_HEADER.test(target.bypassSecret))) {
        throw new errors/* ActionError */.l('vercel_bypass_secret contains a line break or another control character, which no HTTP header can carry: copy the secret again from Project Settings → Deployment Protection → Protection Bypass for Automation.');
    }
}
/** The same site named twice (environment_url and an application's URL) is checked once. */
function distinct(targets) {
    const seen = new Map();
    for (const target of targets) {
        const key = `${target.url}\n${target.bypassSecret ?? ''}`;
        if (!seen.has(key))
            seen.set(key, target);
    }
    return [...seen.values()];
}


/***/ })

};
