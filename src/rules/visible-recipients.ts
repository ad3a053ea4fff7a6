import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'visible-recipients',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
