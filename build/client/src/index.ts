/**
 * The Crm API client. Every resource has a client class (`ContactsClient`, `DealsClient`, ...) whose methods are
 * named after the OpenAPI operations (`Contacts_List` → `ContactsClient.list`). Failures throw `CrmApiError`,
 * which carries the HTTP `status`, the problem's stable `code` and the whole `problem` document.
 *
 * Under Node, pass the global fetch: `new DealsClient(baseUrl, { fetch })`.
 *
 * Live notifications (SignalR): `import { subscribeToNotifications } from "@crm/client/notifications"`, kept apart so
 * that the client alone needs no dependency.
 */
export * from "./crm-client.js";
