import type { StartAnswer } from './types.js'

/**
 * Where a commit status of this action links for a tester.army run: tester.army's API gives no
 * page for a run, so the link is the run's address in the API, from which a later step reads the
 * run back (a pull request's step, comparing with its base branch's run). A run is
 * `<api>/v1/runs/<id>`. A batch has no address of its own that lists its runs, so its link names
 * them: `<api>/v1/batches/<batch id>?runIds=<id>,<id>`.
 */

/** Longer links are not written: a batch of that many runs is too large to name in one. */
export const MAX_RUN_ADDRESS_LENGTH = 1_000

type Runs = Pick<StartAnswer, 'runIds' | 'batchId'>

/** The address of the runs a start answered; undefined when it would be too long to write. */
export function runAddress(apiUrl: string, { runIds, batchId }: Runs): string | undefined {
  const api = `${apiUrl.replace(/\/+$/, '')}/v1`
  const address =
    batchId === undefined
      ? `${api}/runs/${encodeURIComponent(runIds[0] ?? '')}`
      : `${api}/batches/${encodeURIComponent(batchId)}?runIds=${runIds.map(encodeURIComponent).join(',')}`
  return address.length <= MAX_RUN_ADDRESS_LENGTH && runIds.length > 0 ? address : undefined
}

/**
 * The runs an address of `runAddress` names, or undefined for any other link: another API's, a
 * page, a batch that does not name its runs. The ids are untrusted text: requests encode them.
 */
export function readRunAddress(apiUrl: string, link: string): Runs | undefined {
  let url: URL
  let api: URL
  try {
    url = new URL(link)
    api = new URL(`${apiUrl.replace(/\/+$/, '')}/v1/`)
  } catch {
    return undefined
  }
  if (url.origin !== api.origin || !url.pathname.startsWith(api.pathname)) return undefined
  const path = url.pathname.slice(api.pathname.length)
  const run = /^runs\/([^/]+)$/.exec(path)
  if (run) {
    const id = decoded(run[1])
    return id === undefined || url.search !== '' ? undefined : { runIds: [id], batchId: undefined }
  }
  const batch = /^batches\/([^/]+)$/.exec(path)
  const batchId = batch ? decoded(batch[1]) : undefined
  // Split before decoding: an id may hold an encoded comma.
  const listed = /^\?runIds=([^&#]*)$/.exec(url.search)?.[1]
  if (batchId === undefined || listed === undefined) return undefined
  const runIds = listed.split(',').map(decoded)
  return runIds.length > 0 && runIds.every((id): id is string => id !== undefined) ? { runIds, batchId } : undefined
}

function decoded(segment: string | undefined): string | undefined {
  if (segment === undefined || segment === '') return undefined
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}
