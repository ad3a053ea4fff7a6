import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'unsecured-recipient',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
