/** The action kit: every route reads ids, bodies and forms and maps refusals through here. */
export { idParam, parseId } from './params.js';
export { attachmentIdSchema, idField, MAX_ID, noFields, plainNumber } from './fields.js';
export { readForm, FORM_BODY_LIMIT_BYTES } from './body.js';
export { parseForm, parseQuery, type ParsedForm } from './parse.js';
export { failForm, failFrom, formAction, orNotFound, requireAccess, type Access, type FailPayload, type FormParser } from './actions.js';
export { contentDisposition, download, prefersHtml } from './responses.js';
export { spreadsheetCsv } from './csv.js';
export { localPath } from './redirect.js';
export { clearSessionCookie, cookieOptions, SESSION_COOKIE, sessionToken, setSessionCookie } from './cookies.js';
