import { HttpTransportType, HubConnection, HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import type { Notification } from "./crm-client.js";

/** The path of the notification hub, under the API's base address. */
export const notificationHubPath = "/hubs/notifications";

/** A person's unread notifications, as the hub tells them: in all their organizations, and per organization. */
export interface LiveUnreadCount {
  unread_count: number;
  organizations: { organization_id: string; unread_count: number }[];
}

export interface NotificationSubscriptionOptions {
  /** The API's base address, such as https://crm.example.com. */
  baseUrl: string;
  /** The access token, or a function answering a current one (called at each connection and reconnection). */
  accessToken: string | (() => string | Promise<string>);
  /** Called with each notification as it is stored, shaped as the notifications list gives it. */
  onNotification?: (notification: Notification) => void;
  /** Called with the unread counts: once on connecting, then whenever they change. */
  onUnreadCount?: (count: LiveUnreadCount) => void;
  /** Called when the connection ends for good (closed, or every reconnection failed). */
  onClose?: (error?: Error) => void;
  /** Reconnect when the connection drops (default true); the hub sends the unread count again on reconnecting. */
  reconnect?: boolean;
  /** Transports to try, WebSockets first by default. */
  transport?: HttpTransportType;
}

/** An open subscription. */
export interface NotificationSubscription {
  /** The underlying SignalR connection, for its state and events. */
  readonly connection: HubConnection;
  /** Closes the connection. */
  close(): Promise<void>;
}

/**
 * Connects to the notification hub and calls back with each new notification and unread count. Notifications stored
 * while disconnected are not replayed by the hub: read them from the notifications list (or use the event stream,
 * GET /api/v1/notifications/stream, which resumes from its last event id).
 */
export async function subscribeToNotifications(options: NotificationSubscriptionOptions): Promise<NotificationSubscription> {
  const token = options.accessToken;
  let builder = new HubConnectionBuilder()
    .withUrl(options.baseUrl.replace(/\/+$/, "") + notificationHubPath, {
      accessTokenFactory: typeof token === "function" ? token : () => token,
      transport: options.transport,
    })
    .configureLogging(LogLevel.None);
  if (options.reconnect !== false) {
    builder = builder.withAutomaticReconnect();
  }

  const connection = builder.build();
  connection.on("notification", (notification: Notification) => options.onNotification?.(notification));
  connection.on("unread_count", (count: LiveUnreadCount) => options.onUnreadCount?.(count));
  connection.onclose((error) => options.onClose?.(error));
  await connection.start();
  return { connection, close: () => connection.stop() };
}
