import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createHttpClient, createIpcClient, takeLaunchToken, type ApiClient } from './api/client.js';
import { provideApi } from './api/provide.js';
import { createAppI18n } from './i18n/index.js';
import { createAppRouter } from './router.js';
import { savedLocale } from './shared/locale.js';
import './theme.css';
import './styles.css';

/** IPC inside Electron (the preload's window.api), HTTP with the launch token in browser mode. */
function pickClient(): ApiClient | null {
  if (window.api) return createIpcClient(window.api);
  const token = takeLaunchToken(window.location, window.sessionStorage, window.history);
  return token ? createHttpClient(token) : null;
}

const client = pickClient();
const app = createApp(App);
const i18n = createAppI18n(savedLocale(window.localStorage));
app.use(i18n);
if (client) {
  provideApi(app, client);
  app.use(createPinia());
  app.use(createAppRouter());
  app.use(ElementPlus);
  app.mount('#app');
} else {
  // Opened without the launcher's token: say how to get in, and nothing else.
  document.body.textContent = '请使用启动心驿时显示的完整地址（含 token）打开本页面。';
}
