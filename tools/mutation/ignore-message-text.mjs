// @ts-check
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/**
 * Leaves user-facing text out of mutation: `text('中文', 'English')` calls and
 * the `description` of a rule. Their wording is checked by the message tests;
 * mutating it says nothing about whether a rule decides correctly, and would
 * drown the rule logic's score. Outcomes, steps and reason codes stay mutated.
 */
export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'message-text', {
    /** @param {any} path a Babel NodePath */
    shouldIgnore(path) {
      if (path.isCallExpression() && path.get('callee').isIdentifier({ name: 'text' })) {
        return 'Message text (zh-CN/en): checked by the message tests, not rule logic';
      }
      return undefined;
    },
  }),
];
