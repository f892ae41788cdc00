import { ElNotification } from 'element-plus';
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRoute, useRouter } from 'vue-router';
import type { ApiClient } from '../../api/client.js';

/** Two short tones: audible across a consultation room without a sound file (CSP: no remote media). */
function chime(): void {
  try {
    const context = new AudioContext();
    [0, 0.35].forEach((offset) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, context.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + offset + 0.3);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + offset);
      oscillator.stop(context.currentTime + offset + 0.3);
    });
  } catch {
    // no audio device: the notification still shows
  }
}

/** How long the toast stays before it folds into the header's link (it must not hide a page's buttons for good). */
const toastMs = 15_000;

/**
 * A critical result reaches the counsellor's and the 站长's screens at once, with a sound; so does a red grade reported to the 站长. The toast
 * folds away after a while; what stays is `unseen`, the header's link to 危急提醒, until that page is opened.
 */
export function useAlertNotifications(api: ApiClient): { unseen: Ref<number> } {
  const { t } = useI18n();
  const router = useRouter();
  const route = useRoute();
  const unseen = ref(0);
  watch(
    () => route.path,
    (path) => {
      if (path === '/alerts') unseen.value = 0;
    },
  );
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = api.onEvent((event) => {
      if (event.name === 'risk.managerNotified') {
        // A counsellor chose to tell the 站长 of a red grade (the protocol's 报告站长).
        chime();
        ElNotification({
          title: t('redSteps.notice'),
          message: t('redSteps.noticeText', { by: event.payload.by, client: event.payload.clientName }),
          type: 'error',
          duration: 0,
          position: 'bottom-left',
          customClass: 'alert-notification',
          onClick: () => void router.push(`/clients/${event.payload.clientId}`),
        });
        return;
      }
      if (event.name !== 'alert.raised') return;
      chime();
      if (route.path !== '/alerts') unseen.value += 1;
      ElNotification({
        title: t('alerts.arrived'),
        message: event.payload.messages.join('；'),
        type: 'error',
        duration: toastMs,
        // Bottom left lies over the menu's empty end: it hides neither the header nor the page's toolbars and dialog buttons.
        position: 'bottom-left',
        customClass: 'alert-notification',
        onClick: () => void router.push('/alerts'),
      });
    });
  });
  onBeforeUnmount(() => stop?.());
  return { unseen };
}
