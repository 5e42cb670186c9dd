/**
 * Every report of a run: when the inputs turn it on, and how to load it. A new report is one
 * entry here. The ones that call the GitHub API or write report files are loaded with `import()`
 * only when they are on, so a step that uses none of them loads none of their code; the ones
 * every step writes are bundled with the action.
 */
import type { CommonSettings } from '../inputs/common-settings.js'
import type { Clock } from '../util/clock.js'
import { annotationsReporter } from './annotations.js'
import { jobSummaryReporter } from './job-summary.js'
import { outputsReporter } from './outputs.js'
import type { Reporter, ReportContext } from './reporter.js'
import { resultsFileReporter } from './results-file.js'

/** Makes one report for a started run; `clock` is the step's (retries, timestamps). */
type CreateReporter = (context: ReportContext, clock: Clock) => Reporter

interface ReportEntry {
  /** Whether the step's inputs turn the report on. */
  readonly on: (settings: CommonSettings) => boolean
  /** The report's code: loaded only when it is on. */
  readonly load: () => Promise<CreateReporter>
}

const always = () => true

/** In the order the reports are written. */
const REPORTS: readonly ReportEntry[] = [
  { on: always, load: async () => outputsReporter },
  { on: always, load: async () => resultsFileReporter },
  { on: always, load: async () => annotationsReporter },
  { on: settings => settings.jobSummary, load: async () => jobSummaryReporter },
  {
    on: settings => settings.prComment !== 'off',
    load: async () => {
      const { pullRequestCommentReporter } = await import('./pr-comment.js')
      return (context, clock) => pullRequestCommentReporter(context, { matrix: context.settings.jobMatrix, clock })
    }
  },
  {
    on: settings => settings.commitStatus,
    load: async () => {
      const { commitStatusReporter } = await import('./commit-status.js')
      return (context, clock) => commitStatusReporter(context, { matrix: context.settings.jobMatrix, clock })
    }
  },
  // The report files need the run's final state: only a step that waits for it has one.
  { on: settings => settings.blocking, load: async () => (await import('./junit.js')).junitReporter },
  {
    on: settings => settings.blocking,
    load: async () => {
      const { ctrfReporter } = await import('./ctrf.js')
      return (context, clock) => ctrfReporter(context, { clock })
    }
  }
]

/**
 * The reports the step's inputs turn on, in the order they are written. Loaded one after another:
 * they share modules, and Jest's ESM loader (the in-process tests) fails when two imports link
 * the same module at once.
 */
export async function createReporters(context: ReportContext, clock: Clock): Promise<Reporter[]> {
  const reporters: Reporter[] = []
  for (const report of REPORTS) {
    if (report.on(context.settings)) reporters.push((await report.load())(context, clock))
  }
  return reporters
}
