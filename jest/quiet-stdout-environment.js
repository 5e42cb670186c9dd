/**
 * Jest's Node environment, with what the code under test writes straight to stdout held back.
 * `@actions/core` writes the step log there (`::group::`, `::error::`, …): printed between the
 * test results it reads as test output, and on a GitHub runner the runner would take those lines
 * for workflow commands of the CI job itself.
 *
 * Only the tests' own `process.stdout` is replaced: Jest's reporters and `console` (which Jest
 * prints with the test's name) are untouched. When a test fails, what it wrote is printed to
 * stderr beside the failure, every line behind a `│ ` so that none reads as a workflow command.
 */
import { TestEnvironment } from 'jest-environment-node'

export default class QuietStdoutEnvironment extends TestEnvironment {
  /** What the code under test wrote since the last test ended. */
  held = ''

  async setup() {
    await super.setup()
    const realStdout = process.stdout
    const quietStdout = Object.create(realStdout, {
      write: {
        writable: true,
        configurable: true,
        value: (chunk, encoding, callback) => {
          this.held += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
          const done = typeof encoding === 'function' ? encoding : callback
          if (typeof done === 'function') process.nextTick(done)
          return true
        }
      }
    })
    Object.defineProperty(this.global.process, 'stdout', { configurable: true, get: () => quietStdout })
  }

  /** Jest-circus calls this for each step of a test file's run. */
  handleTestEvent(event) {
    if (event.name === 'test_done') {
      if (event.test.errors.length > 0) this.show(`"${fullName(event.test)}" (failed)`)
      this.held = ''
    } else if (event.name === 'hook_failure') {
      this.show(`${event.hook.type} (failed)`)
      this.held = ''
    }
  }

  show(what) {
    if (this.held.trim() === '') return
    const lines = this.held.replace(/\n$/, '').split('\n')
    process.stderr.write(`\nWhat ${what} wrote to stdout:\n${lines.map(line => `│ ${line}`).join('\n')}\n\n`)
  }
}

/** `describe › it`, as Jest names a test. */
function fullName(test) {
  const names = []
  for (let block = test; block && block.parent; block = block.parent) names.unshift(block.name)
  return names.join(' › ')
}
