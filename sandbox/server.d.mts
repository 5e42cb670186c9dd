/** Types for the sandbox (sandbox/server.mjs), for the TypeScript tests. */
import type { ChatScenario } from './chat.d.mts'
import type { GithubScenario } from './github.d.mts'
import type { PreviewScenario } from './preview.d.mts'
import type { TesterArmyScenario } from './testerarmy.d.mts'

export const SANDBOX_TOKEN: string
export const EXAMPLE_COMMITS: Record<string, string>

export interface SandboxTestCase {
  id?: string
  shortId?: string
  /** The test itself, the same in every run (QA.tech's `projectTestCaseId`); by default made from the name; null leaves it out. */
  projectTestCaseId?: string | null
  name: string
  result?: string
  resultTitle?: string | null
  evaluationThought?: string | null
  errorCode?: string | null
  classification?: string | null
  promptGoal?: string | null
  promptExamples?: string | null
  url?: string | null
}

export interface SandboxFault {
  method?: string
  path?: string
  /** A substring of the query string, e.g. `issues=all` for the final fetch. */
  query?: string
  times?: number
  status?: number
  body?: unknown
  retryAfter?: string | number
  invalidJson?: boolean
  delayMs?: number
  hang?: boolean
  reset?: boolean
}

export interface SandboxScenario {
  token: string
  project: string
  projectShortId: string
  keyScope: 'project' | 'organization'
  testPlans: { shortId: string; name: string; default?: boolean }[]
  applications: { shortId: string; name: string; kind: string }[]
  environments: { shortId: string; applicationShortId: string; name: string }[]
  devicePresets: string[]
  commits: Record<string, string>
  github: GithubScenario
  chat: ChatScenario
  testerArmy: TesterArmyScenario
  preview: PreviewScenario
  run: {
    initiatedMs: number
    durationMs: number
    statusSequence: string[] | null
    finalStatus: string
    result: string | null
    testCases: SandboxTestCase[]
    issues: unknown[]
  }
  /** How the reruns answer, in order: a result, and per test name what changes. */
  reruns: { result?: string; testCases?: Record<string, Partial<SandboxTestCase>> }[]
  /** Short IDs for the runs in the order they are started, reruns included; past the list r001sbx, r002sbx, …. */
  runShortIds: string[]
  faults: SandboxFault[]
}

export type PartialScenario = Partial<Omit<SandboxScenario, 'run' | 'github' | 'chat' | 'testerArmy' | 'preview'>> & {
  run?: Partial<SandboxScenario['run']>
  github?: Partial<GithubScenario>
  chat?: Partial<ChatScenario>
  testerArmy?: Partial<TesterArmyScenario>
  preview?: Partial<PreviewScenario>
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  headers: { authorization?: string; 'user-agent'?: string; 'content-type'?: string }
  at: number
}

export interface Sandbox {
  url: string
  requests: RecordedRequest[]
  runs: Map<string, unknown>
  setScenario(partial: PartialScenario): void
  reset(partial?: PartialScenario): void
  close(): Promise<void>
}

export function defaultScenario(): SandboxScenario
export function startSandbox(options?: {
  port?: number
  host?: string
  scenario?: PartialScenario
  now?: () => number
  /** How an answer scripted to be slow waits (a preview site's `delayMs`): real time unless a test passes its clock's. */
  sleep?: (ms: number) => Promise<void>
  /** Called with each request and its answer's status, once it is answered. */
  onRequest?: (request: RecordedRequest & { status: number }) => void
}): Promise<Sandbox>

type Validator = ((data: unknown) => boolean) & { errors?: unknown }
export const responseValidators: { RunResponse: Validator; GetRunResponse: Validator; RerunResponse: Validator }
