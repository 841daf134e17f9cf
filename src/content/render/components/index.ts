/** The components authors can use in MDX. Anything else with a capital letter is an error. */
import { failure } from '../../guard.ts';
import { dict } from '../../own.ts';
import { lineOf, type Component } from '../context.ts';
import { Callout } from './callout.ts';
import { Fact } from './fact.ts';
import { Internal } from './internal.ts';
import { Reply } from './reply.ts';
import { Decision, Escalation, Steps } from './sop.ts';

/** An exception in a component is reported at the component's line; the page renders without it. */
const guarded =
  (component: Component): Component =>
  (node, ctx, attrs) => {
    try {
      return component(node, ctx, attrs);
    } catch (e) {
      ctx.problems.push(failure(e, ctx.file, lineOf(node, ctx)));
      return null;
    }
  };

/**
 * Looked up by the name an author writes, so it has no prototype: `<Constructor>` or
 * `<HasOwnProperty>` is an unknown component, never something every object inherits.
 */
export const components: Record<string, Component> = dict(
  Object.entries({ Internal, Fact, Callout, Steps, Decision, Reply, Escalation }).map(([name, c]) => [name, guarded(c)]),
);
