import type { ServiceWords } from '../../service/service.js'
import { NO_REPLY_STATUS } from './report.js'

/** The words the user reads about a QA.tech change review. */
export const CHANGE_REVIEW_WORDS: ServiceWords = {
  name: 'QA.tech',
  initialStatus: NO_REPLY_STATUS,
  runGoesOn: 'The QA.tech change review goes on',
  cannotCancel: 'QA.tech has no way to cancel it from here',
  filePrefix: 'qatech-change-review',
  runNoun: 'change review',
  // A review's findings are its text: there are no test cases to count, and a review that was
  // written is complete, not "passed", whatever it found.
  countsTestCases: false,
  passedPhrase: 'is complete'
}
