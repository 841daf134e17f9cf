/**
 * `<Fact name="withdrawal_days" [market="de"] [show="effective"] />`: a value from the market data,
 * formatted for the language of the text. On a policy page the market is the page's own.
 */
import { h } from 'hastscript';
import { didYouMean, problem } from '../../errors.ts';
import { formatDate, formatFact, textIn } from '../../facts.ts';
import { isTexts } from '../../../schemas/market.ts';
import { own } from '../../own.ts';
import { lineOf, type Component } from '../context.ts';
import { formatLocale } from '../../../i18n/locale.ts';

/** Renders a market fact for the text's language; an unknown market or fact is a problem with a did-you-mean hint. */
export const Fact: Component = (node, ctx, attrs) => {
  const line = lineOf(node, ctx);
  const marketId = attrs.market?.toLowerCase() ?? ctx.market;
  if (!marketId) {
    ctx.problems.push(problem('ComponentInvalid', ctx.file, `<Fact name="${attrs.name ?? ''}"> needs market="…" outside a policy page.`, { line }));
    return null;
  }
  const market = ctx.site.marketById.get(marketId);
  if (!market) {
    const guess = didYouMean(marketId, ctx.site.marketById.keys());
    ctx.problems.push(
      problem(
        'UnknownMarket',
        ctx.file,
        `<Fact market="${marketId}"> names a market that has no markets/${marketId}.yaml.${guess ? ` Did you mean "${guess}"?` : ''}`,
        { line },
      ),
    );
    return null;
  }
  // Own keys only: `name="constructor"` must not find what every object inherits.
  const fact = attrs.name ? own(market.facts, attrs.name) : undefined;
  if (!fact) {
    const guess = attrs.name ? didYouMean(attrs.name, Object.keys(market.facts)) : undefined;
    ctx.problems.push(
      problem(
        'UnknownFact',
        ctx.file,
        attrs.name ? `Market "${marketId}" has no fact "${attrs.name}".${guess ? ` Did you mean "${guess}"?` : ''}` : '<Fact> needs a `name` attribute.',
        { line, hint: `Facts of ${marketId}: ${Object.keys(market.facts).join(', ') || 'none'}.` },
      ),
    );
    return null;
  }
  const locale = formatLocale(ctx.site, ctx.lang, market);
  if (isTexts(fact.value) && textIn(fact.value, ctx.lang) === undefined) {
    ctx.problems.push(
      problem('ComponentInvalid', ctx.file, `Fact "${attrs.name}" of market "${marketId}" has no text in ${ctx.lang}.`, {
        line,
        hint: `Add \`${ctx.lang}: …\` under \`value:\` of ${attrs.name} in markets/${marketId}.yaml (it has ${Object.keys(fact.value).join(', ')}).`,
      }),
    );
    return null;
  }
  ctx.cited?.add(`${market.id}:${attrs.name}`);
  if (attrs.show === 'effective') {
    return h('time', { className: ['fact'], dateTime: fact.effective }, formatDate(fact.effective, locale));
  }
  if (attrs.show && attrs.show !== 'value') {
    ctx.problems.push(
      problem('ComponentInvalid', ctx.file, `<Fact show="${attrs.show}"> is not supported; use show="value" (default) or show="effective".`, { line }),
    );
  }
  return h('span', { className: ['fact'], 'data-fact': attrs.name }, formatFact(fact, locale, market.currency));
};
