import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'missing-attachment',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
