import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'patient-identifier',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
