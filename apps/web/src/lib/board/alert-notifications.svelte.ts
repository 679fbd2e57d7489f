/**
 * Browser notifications for alerts, where the browser and the person allow them. Permission can
 * only be asked from a user gesture (a click on "Turn on notifications"), never on load, and a
 * refusal is final until the person changes it in the browser. Like the beep, a notification is
 * a help: the in-app banner is the alert, so nothing here ever throws.
 */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

function currentPermission(): NotificationPermissionState {
  try {
    return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
  } catch {
    return 'unsupported';
  }
}

export interface AlertNotice {
  /** One notification per tag: a repeat replaces the earlier one instead of stacking. */
  tag: string;
  title: string;
  body: string;
}

export class AlertNotifier {
  permission = $state<NotificationPermissionState>(currentPermission());

  /** True while asking would show the browser's prompt. */
  get canAsk(): boolean {
    return this.permission === 'default';
  }

  /** Call from a click handler only: browsers ignore (or penalise) prompts without a gesture. */
  async request(): Promise<void> {
    if (this.permission !== 'default') return;
    try {
      this.permission = await Notification.requestPermission();
    } catch {
      this.permission = currentPermission();
    }
  }

  /** Shows a system notification when permitted and the page is not in front of the person. */
  notify(notice: AlertNotice): void {
    if (this.permission !== 'granted') return;
    if (document.visibilityState === 'visible' && document.hasFocus()) return;
    try {
      const notification = new Notification(notice.title, {
        body: notice.body,
        tag: notice.tag,
        requireInteraction: true,
      });
      notification.onclick = () => {
        window.focus();
        notification.close();
      };
    } catch {
      // Android Chrome only allows notifications from a service worker: the banner does the job.
    }
  }
}
