import type { ServiceWords } from '../service/service.js'
import type { Settings } from './settings.js'

/** The words the user reads about tester.army: one run, or a group's batch of runs. */
export function testerArmyWords(settings: Pick<Settings, 'target' | 'cancelOnAbort'>): ServiceWords {
  const batch = settings.target.mode === 'group'
  return {
    name: 'tester.army',
    initialStatus: 'queued',
    runGoesOn: batch ? 'The tester.army runs go on' : 'The tester.army run goes on',
    cannotCancel: settings.cancelOnAbort ? 'the cancel request did not go through' : 'cancel_on_abort is false',
    cancelledRun: batch ? "Cancelled the batch's unfinished tester.army runs" : 'Cancelled the tester.army run',
    filePrefix: 'testerarmy-run',
    // Each tester.army run is one test case of the neutral model: counted and named as runs.
    testCaseNoun: { one: 'run', many: 'runs' },
    detailsForEveryTestCase: true
  }
}
