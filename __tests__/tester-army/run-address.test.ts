/**
 * The link a tester.army commit status carries (tester.army's API gives no page for a run): the
 * run's or the batch's address in the API, which a pull request's step reads back to compare with
 * its base branch's runs. Any other link names no run, and a link too long to write is not written.
 */
import { MAX_RUN_ADDRESS_LENGTH, readRunAddress, runAddress } from '../../src/testerarmy/run-address.js'

const API = 'https://tester.army/api'
const RUN = '7a000000-0000-4000-8000-000000000001'
const OTHER_RUN = '7a000000-0000-4000-8000-000000000002'
const BATCH = 'ba000000-0000-4000-8000-000000000001'

describe('a tester.army run address', () => {
  it("links a run to its address in the API, and a batch to its id with its runs'", () => {
    expect(runAddress(API, { runIds: [RUN], batchId: undefined })).toBe(`${API}/v1/runs/${RUN}`)
    expect(runAddress(`${API}/`, { runIds: [RUN, OTHER_RUN], batchId: BATCH })).toBe(
      `${API}/v1/batches/${BATCH}?runIds=${RUN},${OTHER_RUN}`
    )
  })

  it.each([
    ['a run', { runIds: [RUN], batchId: undefined }],
    ['a batch', { runIds: [RUN, OTHER_RUN], batchId: BATCH }],
    ['ids with commas, slashes and spaces', { runIds: ['a,b', 'c/d e'], batchId: 'x?y&z' }]
  ])('reads back the runs of %s', (_what, runs) => {
    const address = runAddress(API, runs)
    expect(address && readRunAddress(API, address)).toEqual(runs)
  })

  it.each([
    ['a page of another site', `https://tester.army/runs/${RUN}`],
    ["another API's run", `https://other.example/api/v1/runs/${RUN}`],
    ['a batch that does not name its runs', `${API}/v1/batches/${BATCH}`],
    ['a run address with a query', `${API}/v1/runs/${RUN}?runIds=${OTHER_RUN}`],
    ['a QA.tech run page', 'https://app.qa.tech/p/shop/results/r001'],
    ['no URL at all', 'not a link']
  ])('reads no run from %s', (_what, link) => {
    expect(readRunAddress(API, link)).toBeUndefined()
  })

  it('is not written for a batch too large to name in one link', () => {
    const runIds = Array.from({ length: 40 }, (_, index) => `${RUN.slice(0, -2)}${String(index).padStart(2, '0')}`)
    expect(runAddress(API, { runIds: runIds.slice(0, 10), batchId: BATCH })?.length).toBeLessThanOrEqual(
      MAX_RUN_ADDRESS_LENGTH
    )
    expect(runAddress(API, { runIds, batchId: BATCH })).toBeUndefined()
  })
})
