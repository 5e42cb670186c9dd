import { startSandbox, SANDBOX_TOKEN } from './sandbox/server.mjs'
import { runAction } from './scripts/action-runner.mjs'
import examples from '@octokit/webhooks-examples' with { type: 'json' }
const sb = await startSandbox({ scenario: { run: { durationMs: 5000, result: 'FAILED', testCases: [
 { name: 'Add to cart', result: 'PASSED' }, { name: 'Pay | with <script>card</script>', result: 'FAILED', resultTitle: 'Pay button dead', evaluationThought: 'Clicked pay.\nNothing happened.', promptGoal: 'Pay for the order' },
 { name: 'Flaky', result: 'FAILED', errorCode: 'AGENT_TIMEOUT', resultTitle: 'Agent timed out' } ],
 issues: [{ id: '1', shortId: 'iss_1', title: 'Button has no label', description: null, severity: 'Major', issueType: 'ACCESSIBILITY', helpUrl: 'https://dequeuniversity.com/rules/axe/4.8/button-name', tags: [], status: 'OPEN', testCases: [{ shortId: 'x', name: 'Add to cart' }] }] } } })
const pr = examples.find(e => e.name === 'push').examples[5]
const r = await runAction({ inputs: { api_token: SANDBOX_TOKEN, api_url: sb.url, blocking: 'true' }, eventName: 'push', payload: pr, env: { GITHUB_API_URL: sb.url } })
console.log(r.code, r.stdout, r.stderr, r.outputs)
console.log(r.summary)
console.log(sb.requests.map(r => r.method + ' ' + r.path + ' ' + JSON.stringify(r.query) + ' ' + (r.at - sb.requests[0].at)).join('\n'))
await sb.close()
