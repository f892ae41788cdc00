import { onBeforeUnmount, onMounted } from 'vue';
import type { ApiClient } from '../../api/client.js';

const heartbeatEveryMs = 30_000;
const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Core locks the workbench when no staff call has arrived for the idle time. Reading a long page
 * makes no calls, so real keyboard and pointer activity is reported as a heartbeat.
 */
export function useIdleHeartbeat(api: ApiClient, loggedIn: () => boolean): void {
  let active = false;
  const markActive = () => {
    active = true;
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    activityEvents.forEach((name) => window.addEventListener(name, markActive, { passive: true }));
    timer = setInterval(() => {
      if (!active || !loggedIn()) return;
      active = false;
      api.call('auth.heartbeat', {}).catch(() => undefined);
    }, heartbeatEveryMs);
  });
  onBeforeUnmount(() => {
    activityEvents.forEach((name) => window.removeEventListener(name, markActive));
    clearInterval(timer);
  });
}
