export type NotificationPermissionState = NotificationPermission | 'unsupported';

export interface DesktopNotice {
  title: string;
  body: string;
  /** Replaces an earlier notice with the same tag instead of stacking. */
  tag: string;
  onClick(): void;
}

export interface Notifier {
  permission(): NotificationPermissionState;
  requestPermission(): Promise<NotificationPermissionState>;
  show(notice: DesktopNotice): void;
}

export function createBrowserNotifier(): Notifier {
  const supported = typeof Notification !== 'undefined';
  return {
    permission: () => (supported ? Notification.permission : 'unsupported'),
    async requestPermission() {
      if (!supported) return 'unsupported';
      return Notification.requestPermission();
    },
    show(notice) {
      if (!supported || Notification.permission !== 'granted') return;
      const shown = new Notification(notice.title, { body: notice.body, tag: notice.tag });
      shown.onclick = () => {
        window.focus();
        notice.onClick();
        shown.close();
      };
    },
  };
}
