/** The action's name and version, sent as the User-Agent so a service can tell its callers apart. */
export const ACTION_NAME = 'qatech-run-action'
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`
