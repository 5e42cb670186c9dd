/**
 * "Words that do not fit the service": every place that tells the outcome — the job summary, the
 * pull-request comment, the commit status, the log — says the same thing, in the service's own
 * nouns. A change review is a review (no test cases, no "run passed"), tester.army counts runs
 * and has no run page to link, QA.tech counts test cases. Through `run()` for each action, against
 * the sandbox's services and GitHub API.
 */
import { type PartialScenario } from '../../sandbox/server.mjs'
import { TESTER_ARMY_IDS } from '../../sandbox/testerarmy.mjs'
import { lazyOctokit } from '../../src/github/octokit.js'
import { HEAD, pullRequestSteps, REPO } from '../fixtures/pull-request-steps.js'
import { failingRun } from '../fixtures/testerarmy.js'
import { type InProcessResult, useVirtualSandbox } from '../harness/in-process.js'

const { sandbox, clock, results } = useVirtualSandbox()

/** Every report that tells the outcome where people look. */
const REPORTED = { blocking: 'true', pr_comment: 'always', commit_status: 'true', github_token: 'ghs_workflowToken' }
const { qatech, testerArmy, changeReview: review } = pullRequestSteps({ sandbox, clock, results }, REPORTED)
const changeReview = (scenario?: PartialScenario) => review({}, scenario)

/** What GitHub holds after the step: the comment on the pull request and the commit's statuses, newest first. */
async function onGithub() {
  const github = await lazyOctokit('ghp_reviewer', sandbox.url)()
  const comments = await github.paginate(github.rest.issues.listComments, { ...REPO, issue_number: 2, per_page: 100 })
  const statuses = (await github.rest.repos.listCommitStatusesForRef({ ...REPO, ref: HEAD })).data
  expect(comments).toHaveLength(1)
  return {
    comment: comments[0]?.body ?? '',
    statuses: statuses.map(status => `${status.state}: ${status.description}`)
  }
}

const summaryTitle = (result: InProcessResult) => /^## (.*)$/m.exec(result.summary)?.[1]
const commentTitle = (comment: string) => /^### (.*)$/m.exec(comment)?.[1]

describe('the outcome, in the same words everywhere', () => {
  it('QA.tech: a skipped run that fails the step (fail_on_skipped) is red with the reason in the summary, the comment and the status', async () => {
    const result = await qatech(
      { fail_on_skipped: 'true' },
      { run: { result: 'SKIPPED', testCases: [{ name: 'Pay with a card', result: 'SKIPPED' }] } }
    )
    expect(result.code).toBe(1)
    const { comment, statuses } = await onGithub()
    const title = '❌ QA.tech: the run was skipped (fail_on_skipped)'
    expect(summaryTitle(result)).toBe(title)
    expect(commentTitle(comment)).toBe(title)
    expect(statuses[0]).toBe('failure: The run was skipped (fail_on_skipped)')
  })

  it('tester.army: counts runs, never test cases, and names a run without a page instead of a link that is not one', async () => {
    const result = await testerArmy(
      { group_id: TESTER_ARMY_IDS.group, target_url: 'https://pr-2.preview.example.com' },
      { testerArmy: { runs: [{ durationMs: 5_000 }, { ...failingRun, durationMs: 20_000 }] } }
    )
    expect(result.code).toBe(1)
    const { comment, statuses } = await onGithub()
    expect(summaryTitle(result)).toBe('❌ tester.army: 1 of 2 runs failed')
    expect(commentTitle(comment)).toBe('❌ tester.army: 1 of 2 runs failed')
    expect(statuses).toEqual(['failure: 1 of 2 runs failed: Checkout', 'pending: Running 2 runs'])
    expect(comment).toContain('| Failed run | Why |')
    expect(comment).not.toMatch(/test case/i)
    // tester.army gives no page for a run: the comment names it, and offers nothing to click.
    expect(comment).toContain(`**Run:** ${result.outputs.batch_id}`)
    expect(comment).not.toMatch(/Open run|See (it|every|the run) in tester\.army|Follow it in/)
    expect(result.summary).not.toMatch(/test case/i)
  })

  it('change review: a review that is complete, not "the run passed", and no test cases to count', async () => {
    const result = await changeReview()
    expect(result.code).toBe(0)
    const { comment, statuses } = await onGithub()
    expect(summaryTitle(result)).toBe('✅ QA.tech: the change review is complete')
    expect(commentTitle(comment)).toBe('✅ QA.tech: the change review is complete')
    expect(statuses[0]).toBe('success: The change review is complete')
    expect(result.stdout).toContain('QA.tech change review chat_sbx001 is complete.')
    expect(comment).toMatch(/\[Open change review chat\\_sbx001 in QA\.tech\]\(http/)
    for (const text of [comment, result.summary]) {
      expect(text).not.toMatch(/test case|the run\b|Open run/i)
    }
  })

  it('change review: one QA.tech could not finish is a change review that could not be completed, everywhere', async () => {
    const result = await changeReview({ chat: { replies: [{ status: 'FAILED', text: '' }] } })
    expect(result.code).toBe(1)
    const { comment, statuses } = await onGithub()
    expect(summaryTitle(result)).toBe('❌ QA.tech could not complete the change review')
    expect(commentTitle(comment)).toBe('❌ QA.tech could not complete the change review')
    expect(statuses[0]).toBe('error: QA.tech could not complete the change review')
    for (const text of [comment, result.summary]) {
      expect(text).not.toMatch(/test case|per-test|the run\b|Open run/i)
    }
  })
})
