import { ElMessage } from 'element-plus';
import { useI18n } from 'vue-i18n';
import type { MethodInput } from '../../../../shared/api/contract/index.js';
import { useApi } from '../../api/provide.js';
import { useSessionStore } from '../stores/session.js';

/**
 * Staff open the resident kiosk (on scales, a knowledge survey, or both). Inside Electron the main process opens a
 * full-screen kiosk window on its own. In browser mode the kiosk is a tab of this same browser (full screen it with
 * F11), a click away from the workbench: so the workbench locks first, here and, through the lock event, in every
 * other tab.
 */
export function useKioskOpen() {
  const { t } = useI18n();
  const api = useApi();
  const session = useSessionStore();
  return async function openKiosk(input: MethodInput<'kiosk.open'>): Promise<void> {
    const opened = await api.call('kiosk.open', input);
    if (window.api) {
      ElMessage.success(t('kiosk.opened'));
      return;
    }
    await session.lock('kiosk', () => window.open(opened.path, 'xinyi-kiosk'));
  };
}
