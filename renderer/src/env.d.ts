/// <reference types="vite/client" />
import type { PreloadApi } from '../../shared/api/preloadApi.js';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload; browser mode talks HTTP instead. */
    api?: PreloadApi;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
