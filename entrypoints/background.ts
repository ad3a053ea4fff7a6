import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring only; the work lives in src/.
});
