import type { ServiceWords } from '../service/service.js'

/** The words the user reads about QA.tech test-plan runs. */
export const QATECH_WORDS: ServiceWords = {
  name: 'QA.tech',
  initialStatus: 'INITIATED',
  runGoesOn: 'The QA.tech run goes on',
  cannotCancel: 'QA.tech has no way to cancel it from here',
  filePrefix: 'qatech-run'
}
