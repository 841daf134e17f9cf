/** Structured data (schema.org) for a route: Article for content pages, FAQPage for FAQs. */
import type { Route } from './routes.ts';
import type { SiteModel } from './site.ts';

/** The schema.org objects for a route's JSON-LD script: breadcrumbs, the article, FAQ questions. */
export function jsonLdFor(route: Route, site: SiteModel): object[] {
  const out: object[] = [];
  if (route.breadcrumbs.length) {
    out.push({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [...route.breadcrumbs, { url: route.canonical, title: route.title }].map((b, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        name: b.title,
        item: site.url + b.url,
      })),
    });
  }
  if (route.kind !== 'article' && route.kind !== 'policy') return out;
  const { entry } = route;
  out.push({
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: entry.data.title,
    description: entry.data.description,
    inLanguage: route.source.htmlLang,
    url: site.url + route.canonical,
    ...(entry.data.reviewed ? { dateModified: entry.data.reviewed } : {}),
    publisher: { '@type': 'Organization', name: site.name },
  });
  if (entry.type === 'help' && entry.data.faq && entry.faq.length) {
    out.push({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      inLanguage: route.source.htmlLang,
      mainEntity: entry.faq.map((f) => ({ '@type': 'Question', name: f.question, acceptedAnswer: { '@type': 'Answer', text: f.answer } })),
    });
  }
  return out;
}
