/** Types for sandbox/testerarmy.mjs, for the TypeScript tests. */

export const TESTER_ARMY_KEY: string
export const TESTER_ARMY_IDS: { test: string; group: string; project: string; projectShortId: string }

/** tester.army's Issue, as a run's output reports it. */
export interface TesterArmyIssue {
  type?: string
  name: string
  description: string
  url: string
  severity?: number
  reproductionSteps?: string[]
  expectedBehavior?: string
  actualBehavior?: string
  screenshotUrl?: string
  tMs?: number
}

export interface TesterArmyStep {
  stepIndex: number
  title: string
  type?: string
  status: string
  summary?: string
  error?: string | null
  errorCode?: string
}

/** A completed run's output: merged over a passing one when it has `result`, else sent as it is. */
export type TesterArmyOutput =
  | {
      featureName?: string
      result: string
      description?: string
      issues?: TesterArmyIssue[]
      screenshots?: string[]
      steps?: TesterArmyStep[]
    }
  | { kind: 'planner_skipped'; reason: string }
  | Record<string, unknown>
  | null

/** How one run goes. */
export interface TesterArmyRunScript {
  /** Milliseconds on the sandbox's clock until the run is running, and until it is terminal. */
  queuedMs?: number
  durationMs?: number
  /** A status per GET of the run (the last one repeats); overrides the times. */
  statusSequence?: string[] | null
  finalStatus?: string
  output?: TesterArmyOutput
  error?: { code: string; message: string } | null
}

/** This module's part of the sandbox scenario (`scenario.testerArmy`). */
export interface TesterArmyScenario {
  apiKey: string
  tests: { id: string; name: string }[]
  /** A group's tests: names, or saved tests `{ id, name }` whose runs carry the test's id (`testId`). */
  groups: { id: string; name: string; tests: (string | { id: string; name: string })[] }[]
  projects: { id: string; shortId: string }[]
  /** False: POST /v1/runs answers 404, as if prompt runs were retired. */
  promptRuns: boolean
  /** Every run's script. */
  run: TesterArmyRunScript
  /** Scripts by the order runs are started (a batch's runs in order), over `run`. */
  runs: TesterArmyRunScript[]
  /** Group runs: positions in the batch that tester.army cancels at once. */
  rejectedInBatch: number[]
  /** Ids for the runs and the batches in the order they are started; past the lists 7a000000-…, ba000000-…. */
  runIds: string[]
  batchIds: string[]
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown }
export const testerArmyResponseValidators: Record<
  | 'RunResponse'
  | 'TestOutput'
  | 'PlannerSkippedOutput'
  | 'SubmitRunResponse'
  | 'TestRunResponse'
  | 'GroupRunResponse'
  | 'PullRequestRunResponse'
  | 'CancelResponse'
  | 'BatchCancelResponse'
  | 'ErrorResponse',
  Validator
>

export function testerArmyDefaults(): TesterArmyScenario
