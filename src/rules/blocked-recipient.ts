import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'blocked-recipient',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
