/**
 * What a failed start adds when it may have started something all the same. Whether it may is
 * decided by the error's kind, never its words (`mayHaveStarted` in http/start-retry.ts, which
 * appends this sentence to exactly those failures); this words it the same way for every service.
 */
export interface MayHaveStartedWords {
  /** Who answers: "QA.tech". */
  readonly service: string
  /** What may have started: "the run", "the rerun". */
  readonly what: string
  /** Where to look for it: "in tester.army", "among the project’s runs in QA.tech". */
  readonly where: string
  /** What running the job again without looking costs, if anything: "or it runs twice". */
  readonly otherwise?: string
}

/** "tester.army may have started the run anyway: look for it in tester.army before you re-run this job, or it runs twice." */
export function mayHaveStartedSentence({ service, what, where, otherwise }: MayHaveStartedWords): string {
  return `${service} may have started ${what} anyway: look for it ${where} before you re-run this job${otherwise === undefined ? '' : `, ${otherwise}`}.`
}
