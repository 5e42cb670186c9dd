import type { Service, ServiceWords } from '../service.js'

/**
 * The words a service declares. Why the step does not stop a run follows from the service having
 * no `cancel`; a service that has one says why a run may still go on (a setting that turns
 * cancelling off, a cancel that failed).
 */
export type DeclaredWords = Omit<ServiceWords, 'cannotCancel'> & { readonly cannotCancel?: string }

/** A service as its adapter builds it, before the words that follow from what it can do. */
export type DeclaredService = Omit<Service, 'words'> & { readonly words: DeclaredWords }

/**
 * The service with the words its methods decide, so that no flag or sentence restates them: a
 * service without `cancel` has "no way to cancel it from here", whatever its words say.
 */
export function defineService(service: DeclaredService): Service {
  const { words } = service
  const cannotCancel =
    service.cancel === undefined
      ? `${words.name} has no way to cancel it from here`
      : (words.cannotCancel ?? 'the cancel request did not go through')
  return { ...service, words: { ...words, cannotCancel } }
}
