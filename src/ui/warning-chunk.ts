// The lazily loaded warning UI's file in the built extension: wxt.config.ts writes it there and
// load-warning.ts imports it. Its own file so wxt.config.ts imports no browser code.
export const WARNING_CHUNK = 'warning.js';
