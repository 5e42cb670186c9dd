import { MACHINE_NODE, NODE24, nodeVersion } from '../scripts/action-runner.mjs'

describe('end-to-end runtimes', () => {
  it("include Node 24, the runtime of `using: node24`, besides the machine's Node", () => {
    expect(nodeVersion(NODE24)).toMatch(/^v24\./)
    expect(MACHINE_NODE).not.toContain('node_modules')
    expect(nodeVersion(MACHINE_NODE)).toMatch(/^v\d+\./)
  })
})
