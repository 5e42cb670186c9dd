import { isDeletionPush, isForkPullRequest, resolveGitContext } from '../../src/context/git-context.js'
import { examplePayload } from '../fixtures/payloads.js'

const env = {
  GITHUB_ACTOR: 'runner-actor',
  GITHUB_TRIGGERING_ACTOR: 'triggering-actor',
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_REF_NAME: 'ref-name',
  GITHUB_SHA: 'f'.repeat(40)
}

describe('resolveGitContext', () => {
  it('push to a branch: the branch name, `after` and the head commit message', () => {
    const payload = examplePayload('push', p => p.ref === 'refs/heads/master' && p.deleted === false)
    expect(resolveGitContext('push', payload, env)).toEqual({
      actor: 'triggering-actor',
      repository: 'octo-org/octo-repo',
      branch: 'master',
      commitHash: payload.after,
      commitMessage: 'Initial commit',
      commitMessageFromApi: false
    })
  })

  it('push of a tag: the tag name without refs/tags/', () => {
    const payload = examplePayload('push', p => p.ref === 'refs/tags/simple-tag' && p.deleted === false)
    expect(resolveGitContext('push', payload, env)).toMatchObject({
      branch: 'simple-tag',
      commitMessage: 'Adding a .gitignore file'
    })
  })

  it.each(['pull_request', 'pull_request_target'])('%s: the head branch and head SHA, not the merge commit', event => {
    const payload = examplePayload('pull_request')
    const context = resolveGitContext(event, payload, { ...env, GITHUB_REF_NAME: '2/merge' })
    expect(context).toMatchObject({ branch: 'changes', commitHash: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821' })
    expect(context.commitMessage).toBeUndefined()
    expect(context.commitMessageFromApi).toBe(true)
  })

  it.each(['deployment', 'deployment_status'])('%s: the deployment ref and SHA', event => {
    const payload = examplePayload(event)
    expect(resolveGitContext(event, payload, env)).toMatchObject({
      branch: 'master',
      commitHash: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
      commitMessageFromApi: true
    })
  })

  it('merge_group: the queue base branch, head SHA and head commit message', () => {
    const payload = examplePayload('merge_group')
    expect(resolveGitContext('merge_group', payload, env)).toMatchObject({
      branch: 'main',
      commitHash: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
      commitMessage: 'Merge pull request #2048 from octo-repo/update-readme\n\nUpdate README.md',
      commitMessageFromApi: false
    })
  })

  it('workflow_run: the triggering run head branch, SHA and message', () => {
    const payload = examplePayload('workflow_run')
    expect(resolveGitContext('workflow_run', payload, env)).toMatchObject({
      branch: 'main',
      commitHash: '5779607b49aab1200488439f02372c57b4f75444',
      commitMessage: 'Update milestone-created.yml'
    })
  })

  it.each(['check_suite', 'check_run'])('%s: head branch and SHA, message from the API', event => {
    const payload = examplePayload(event)
    const context = resolveGitContext(event, payload, env)
    const check = payload[event] as { head_sha: string }
    expect(context.commitHash).toBe(check.head_sha)
    expect(context.branch).toEqual(expect.any(String))
    expect(context.commitMessageFromApi).toBe(true)
  })

  it.each(['workflow_dispatch', 'release', 'schedule', 'repository_dispatch'])(
    '%s: GITHUB_REF_NAME and GITHUB_SHA',
    event => {
      const payload = event === 'workflow_dispatch' || event === 'release' ? examplePayload(event) : {}
      expect(resolveGitContext(event, payload, env)).toMatchObject({
        branch: 'ref-name',
        commitHash: 'f'.repeat(40),
        commitMessageFromApi: true
      })
    }
  )

  it('falls back to the payload sender and repository without runner variables', () => {
    const payload = examplePayload('workflow_dispatch')
    expect(resolveGitContext('workflow_dispatch', payload, {})).toMatchObject({
      actor: 'octocat',
      repository: (payload.repository as { full_name: string }).full_name
    })
  })

  it('survives a payload with missing or odd fields', () => {
    const context = resolveGitContext('pull_request', { pull_request: { head: null } }, env)
    expect(context).toMatchObject({ branch: 'ref-name', commitHash: 'f'.repeat(40) })
  })
})

describe('event helpers', () => {
  it('detects a deletion push', () => {
    expect(
      isDeletionPush(
        'push',
        examplePayload('push', p => p.deleted === true)
      )
    ).toBe(true)
    expect(
      isDeletionPush(
        'push',
        examplePayload('push', p => p.deleted === false)
      )
    ).toBe(false)
  })

  it('detects a pull request from a fork', () => {
    const payload = examplePayload('pull_request')
    expect(isForkPullRequest('pull_request', payload)).toBe(false)
    const pullRequest = payload.pull_request as { head: { repo: { full_name: string } } }
    pullRequest.head.repo.full_name = 'someone/Hello-World'
    expect(isForkPullRequest('pull_request', payload)).toBe(true)
    expect(isForkPullRequest('push', payload)).toBe(false)
  })
})
