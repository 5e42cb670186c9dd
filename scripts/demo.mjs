#!/usr/bin/env node
/**
 * `npm run demo`: the built action, run as GitHub's runner runs it, for a real pull_request
 * payload, against the QA.tech sandbox on loopback. No account, no network.
 *
 *   npm run demo                 a run with one failing test case (the check goes red)
 *   npm run demo -- --passing    a run where every test case passes
 */
import examples from '@octokit/webhooks-examples' with { type: 'json' }
import { cleanUp, runAction } from './action-runner.mjs'
import { SANDBOX_TOKEN, startSandbox } from '../sandbox/server.mjs'

const passing = process.argv.includes('--passing')
const payload = examples.find(group => group.name === 'pull_request').examples[0]

const sandbox = await startSandbox({
  scenario: {
    commits: { [payload.pull_request.head.sha]: 'Update the checkout button\n\nMake it bigger.' },
    run: {
      durationMs: 4_000,
      result: passing ? 'PASSED' : 'FAILED',
      testCases: [
        { name: 'Add an item to the cart', result: 'PASSED' },
        {
          name: 'Pay with a card',
          result: passing ? 'PASSED' : 'FAILED',
          resultTitle: passing ? null : 'The Pay button does nothing',
          evaluationThought: passing ? null : 'After clicking Pay, no request was sent and the page did not change.',
          promptGoal: 'Pay for the order with the test card 4242 4242 4242 4242'
        },
        { name: 'See the order confirmation', result: 'PASSED' }
      ]
    }
  }
})

const rule = title => console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)

console.log(`QA.tech sandbox on ${sandbox.url}; running dist/index.js for a pull_request event with blocking: true …`)
const result = await runAction({
  eventName: 'pull_request',
  payload,
  inputs: {
    api_token: SANDBOX_TOKEN,
    api_url: sandbox.url,
    blocking: 'true',
    environment_url: 'https://shop-git-update-checkout-octo.vercel.app',
    vercel_bypass_secret: 'demo-bypass-secret'
  },
  env: { GITHUB_API_URL: sandbox.url }
})

rule('Step log (as the runner receives it)')
process.stdout.write(result.stdout)
rule('Request QA.tech received: POST /v1/run')
const start = sandbox.requests.find(request => request.method === 'POST' && request.path === '/v1/run')
console.log(JSON.stringify(start?.body, null, 2))
rule('Step outputs')
for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}=${value}`)
rule('Job summary (markdown)')
console.log(result.summary)
rule('Result')
console.log(
  `The step exited with code ${result.code}: the check would be ${result.code === 0 ? 'green' : 'red'}. ` +
    `QA.tech received ${sandbox.requests.filter(request => request.path.startsWith('/v1/')).length} requests.`
)

cleanUp(result)
await sandbox.close()
