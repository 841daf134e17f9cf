/** The components authors can use in MDX. Anything else with a capital letter is an error. */
import type { Component } from '../../content/render/context.ts';
import { Callout } from './callout.ts';
import { Fact } from './fact.ts';
import { Internal } from './internal.ts';
import { Reply } from './reply.ts';
import { Decision, Escalation, Steps } from './sop.ts';

export const components: Record<string, Component> = { Internal, Fact, Callout, Steps, Decision, Reply, Escalation };
