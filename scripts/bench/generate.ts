/**
 * Generates a synthetic content root for benchmarks: N help articles per language over 8
 * languages (real Latin, CJK, Hangul and Arabic script), 600–1,200 words each with headings,
 * lists, tables and links between articles, some pages left untranslated, plus markets,
 * policies and SOPs. Deterministic: the same arguments give the same files.
 *
 *   node scripts/bench/generate.ts --pages 1000 --out /tmp/corpus
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseCommandLine, usageError } from '../args.ts';

export const benchLanguages = ['en', 'de', 'fr', 'es', 'ja', 'zh-cn', 'ko', 'ar'] as const;
/** Twelve more, for the large-site runs (`--languages 20`): Latin, Cyrillic, Hebrew (right to left) and Vietnamese script. */
export const moreLanguages = ['it', 'pt', 'nl', 'pl', 'sv', 'da', 'fi', 'cs', 'tr', 'ru', 'he', 'vi'] as const;
const categories = ['orders', 'shipping', 'returns', 'payments', 'duties', 'account', 'warranty', 'products'];
const markets = ['us', 'gb', 'de', 'fr', 'es', 'jp', 'kr', 'sa'];
const marketLangs: Record<string, string[]> = {
  us: ['en', 'es'],
  gb: ['en'],
  de: ['de', 'en'],
  fr: ['fr', 'en'],
  es: ['es', 'en'],
  jp: ['ja', 'en'],
  kr: ['ko', 'en'],
  sa: ['ar', 'en'],
};
const policies = ['returns', 'shipping', 'duties', 'warranty', 'privacy'];

const words: Record<string, string[]> = {
  en: 'order parcel delivery return refund payment customs duty warranty account address carrier tracking invoice label package store customer support window days week business message request item product'.split(
    ' ',
  ),
  de: 'Bestellung Paket Lieferung Rücksendung Erstattung Zahlung Zoll Gewährleistung Konto Adresse Versand Sendung Rechnung Etikett Kunde Artikel Frist Tage Woche Anfrage Produkt'.split(
    ' ',
  ),
  fr: 'commande colis livraison retour remboursement paiement douane garantie compte adresse transporteur suivi facture étiquette client article délai jours semaine demande produit'.split(
    ' ',
  ),
  es: 'pedido paquete entrega devolución reembolso pago aduana garantía cuenta dirección transportista seguimiento factura etiqueta cliente artículo plazo días semana solicitud producto'.split(
    ' ',
  ),
  ja: 'ご注文 お荷物 配送 返品 返金 お支払い 税関 保証 アカウント 住所 配送業者 追跡 請求書 ラベル お客様 商品 期間 日数 週間 お問い合わせ'.split(' '),
  'zh-cn': '订单 包裹 配送 退货 退款 付款 海关 保修 账户 地址 承运商 跟踪 发票 标签 客户 商品 期限 天数 星期 申请'.split(' '),
  ko: '주문 소포 배송 반품 환불 결제 세관 보증 계정 주소 운송사 추적 송장 라벨 고객 상품 기간 일수 주간 문의'.split(' '),
  ar: 'الطلب الطرد التوصيل الإرجاع الاسترداد الدفع الجمارك الضمان الحساب العنوان الناقل التتبع الفاتورة الملصق العميل المنتج المدة الأيام الأسبوع الطلب'.split(
    ' ',
  ),
};
const moreWords: Record<(typeof moreLanguages)[number], string> = {
  it: 'ordine pacco consegna reso rimborso pagamento dogana garanzia account indirizzo corriere tracciamento fattura etichetta cliente articolo termine giorni settimana richiesta prodotto',
  pt: 'encomenda pacote entrega devolução reembolso pagamento alfândega garantia conta endereço transportadora rastreio fatura etiqueta cliente artigo prazo dias semana pedido produto',
  nl: 'bestelling pakket levering retour terugbetaling betaling douane garantie account adres vervoerder tracking factuur label klant artikel termijn dagen week verzoek product',
  pl: 'zamówienie paczka dostawa zwrot refundacja płatność cło gwarancja konto adres przewoźnik śledzenie faktura etykieta klient artykuł termin dni tydzień wniosek produkt',
  sv: 'beställning paket leverans retur återbetalning betalning tull garanti konto adress transportör spårning faktura etikett kund artikel frist dagar vecka förfrågan produkt',
  da: 'ordre pakke levering returnering refusion betaling told garanti konto adresse fragtfirma sporing faktura etiket kunde vare frist dage uge anmodning produkt',
  fi: 'tilaus paketti toimitus palautus hyvitys maksu tulli takuu tili osoite kuljetusliike seuranta lasku tarra asiakas tuote määräaika päivää viikko pyyntö',
  cs: 'objednávka balík doručení vrácení refundace platba clo záruka účet adresa dopravce sledování faktura štítek zákazník zboží lhůta dny týden žádost produkt',
  tr: 'sipariş paket teslimat iade geri ödeme gümrük garanti hesap adres kargo takip fatura etiket müşteri ürün süre gün hafta talep',
  ru: 'заказ посылка доставка возврат возмещение оплата таможня гарантия аккаунт адрес перевозчик отслеживание счёт этикетка клиент товар срок дни неделя запрос продукт',
  he: 'הזמנה חבילה משלוח החזרה החזר תשלום מכס אחריות חשבון כתובת מוביל מעקב חשבונית תווית לקוח מוצר תקופה ימים שבוע בקשה',
  vi: 'đơn hàng gói giao trả hoàn tiền thanh toán hải quan bảo hành tài khoản địa chỉ vận chuyển theo dõi hóa đơn nhãn khách sản phẩm thời hạn ngày tuần yêu cầu',
};
for (const lang of moreLanguages) words[lang] = moreWords[lang].split(' ');
const cjk = new Set(['ja', 'zh-cn']);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(lang: string, r: () => number, n: number): string {
  const w = words[lang]!;
  const parts = Array.from({ length: n }, () => w[Math.floor(r() * w.length)]!);
  if (cjk.has(lang)) return `${parts.join('')}。`;
  const s = parts.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function article(lang: string, i: number, count: number, r: () => number): string {
  const target = 600 + Math.floor(r() * 600);
  const out: string[] = [];
  let total = 0;
  let section = 0;
  while (total < target) {
    out.push(`## ${sentence(lang, r, 3).replace(/[.。]$/, '')} ${++section}`, '');
    for (let p = 0; p < 3 && total < target; p++) {
      const n = 12 + Math.floor(r() * 14);
      out.push(Array.from({ length: 3 }, () => sentence(lang, r, n)).join(' '), '');
      total += n * 3;
    }
    if (section % 2 === 0) out.push(`- ${sentence(lang, r, 6)}`, `- ${sentence(lang, r, 6)}`, `- ${sentence(lang, r, 6)}`, '');
    if (section % 3 === 0)
      out.push(`| ${sentence(lang, r, 2)} | ${sentence(lang, r, 2)} |`, '| --- | --- |', `| ${sentence(lang, r, 3)} | ${sentence(lang, r, 3)} |`, '');
    if (section % 2 === 1) {
      const other = (i + 1 + Math.floor(r() * (count - 1))) % count;
      out.push(`[${sentence(lang, r, 3).replace(/[.。]$/, '')}](../${categories[other % categories.length]}/article-${other}.md)`, '');
    }
  }
  return out.join('\n');
}

/**
 * Makes the corpus a git repository, then changes one English article in twenty in a later commit,
 * so the audit has stale translations to find.
 */
export function makeRepo(root: string): void {
  const git = (args: string[], date: string) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  git(['init', '-q', '-b', 'main'], '2026-01-01T12:00:00Z');
  git(['add', '-A'], '2026-01-01T12:00:00Z');
  git(['commit', '-q', '-m', 'Initial content'], '2026-01-01T12:00:00Z');
  // Change one English article in twenty so the audit has stale translations to find.
  const en = path.join(root, 'help/en');
  const files = fs
    .readdirSync(en, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort();
  for (const f of files.filter((_, i) => i % 20 === 0)) fs.appendFileSync(path.join(en, f), '\nA paragraph added later.\n');
  git(['commit', '-q', '-am', 'Update some English articles'], '2026-06-01T12:00:00Z');
}

export interface GenerateOptions {
  /** Help articles per language. */
  pages: number;
  /** How many languages, 8 (default) or up to 20: `benchLanguages`, then `moreLanguages`. */
  languages?: number;
  out: string;
  /** Share of non-English articles left untranslated. */
  untranslated?: number;
}

/** Writes the corpus and returns how many content files it wrote. */
export function generate({ pages, out, untranslated = 0.1, languages = benchLanguages.length }: GenerateOptions): number {
  const langs = [...benchLanguages, ...moreLanguages].slice(0, languages);
  fs.rmSync(out, { recursive: true, force: true });
  let files = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files++;
  };
  write(
    'site.yaml',
    [
      'name: Bench Shop',
      'url: https://bench.example',
      'default_language: en',
      'languages:',
      ...langs.map((l) => `  - { code: ${l} }`),
      'categories:',
      ...categories.map((c) => `  - { id: ${c}, names: { en: ${c[0]!.toUpperCase()}${c.slice(1)} } }`),
      '',
    ].join('\n'),
  );
  for (const m of markets) {
    write(
      `markets/${m}.yaml`,
      [
        `languages: [${marketLangs[m]!.join(', ')}]`,
        `currency: ${{ us: 'USD', gb: 'GBP', jp: 'JPY', kr: 'KRW', sa: 'SAR' }[m] ?? 'EUR'}`,
        `time_zone: ${{ us: 'America/New_York', gb: 'Europe/London', jp: 'Asia/Tokyo', kr: 'Asia/Seoul', sa: 'Asia/Riyadh' }[m] ?? 'Europe/Berlin'}`,
        'channels:',
        `  - { type: email, value: support-${m}@bench.example, hours: [{ days: [mon, tue, wed, thu, fri], open: "09:00", close: "18:00" }] }`,
        'facts:',
        '  return_window_days: { value: 30, unit: day, effective: 2026-01-01 }',
        '  vat_rate: { value: 20, unit: percent, effective: 2026-01-01 }',
        '',
      ].join('\n'),
    );
  }
  for (const lang of langs) {
    const r = rng(lang.length * 7919 + pages);
    for (let i = 0; i < pages; i++) {
      if (lang !== 'en' && r() < untranslated) continue;
      const cat = categories[i % categories.length]!;
      write(
        `help/${lang}/${cat}/article-${i}.md`,
        [
          '---',
          `title: "${sentence(lang, r, 4).replace(/[.。]$/, '')} ${i}"`,
          `description: "${sentence(lang, r, 10)}"`,
          `reviewed: 2026-${String(1 + (i % 12)).padStart(2, '0')}-15`,
          'owner: support-content',
          `tags: [${cat}, bench]`,
          '---',
          '',
          article(lang, i, pages, r),
          '',
        ].join('\n'),
      );
    }
  }
  for (const m of markets) {
    for (const lang of marketLangs[m]!) {
      const r = rng(m.charCodeAt(0) * 31 + lang.length);
      for (const p of policies) {
        write(
          `policies/${m}/${lang}/${p}.mdx`,
          [
            '---',
            `title: "${p} ${m}"`,
            `description: "${sentence(lang, r, 8)}"`,
            'owner: legal',
            'reviewed: 2026-10-01',
            'effective: 2026-01-01',
            'sources: [{ title: Law, url: "https://law.example" }]',
            '---',
            '',
            `## ${sentence(lang, r, 3)}`,
            '',
            `${sentence(lang, r, 20)} <Fact name="return_window_days" />.`,
            '',
            sentence(lang, r, 40),
            '',
            '<Internal>',
            `${sentence(lang, r, 12)}`,
            '</Internal>',
            '',
          ].join('\n'),
        );
      }
    }
  }
  const sops = Math.max(20, Math.round(pages / 10));
  const r = rng(42);
  for (let i = 0; i < sops; i++) {
    write(
      `sop/en/area-${i % 8}/sop-${i}.mdx`,
      [
        '---',
        `title: "Procedure ${i}"`,
        `description: "${sentence('en', r, 8)}"`,
        'owner: senior-support',
        'reviewed: 2026-09-01',
        'markets: ["*"]',
        '---',
        '',
        '<Steps>',
        '1. Open the order.',
        '2. Check the carrier.',
        '</Steps>',
        '',
        `<Decision if="${sentence('en', r, 5)}">`,
        sentence('en', r, 20),
        '</Decision>',
        '',
        '<Reply lang="en" title="Reply">',
        sentence('en', r, 30),
        '</Reply>',
        '',
        '<Reply lang="de" title="Antwort">',
        sentence('de', r, 30),
        '</Reply>',
        '',
      ].join('\n'),
    );
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const usage = 'Usage: node scripts/bench/generate.ts [--pages <articles per language>] [--out <dir>]   (defaults: 1000, bench-out/corpus)';
  const { values } = parseCommandLine({ options: { pages: { type: 'string' }, out: { type: 'string' } } }, usage);
  const pages = Number(values.pages ?? '1000');
  if (!Number.isInteger(pages) || pages < 1) usageError('--pages takes a whole number of articles per language, e.g. --pages 1000.', usage);
  const out = path.resolve(values.out ?? 'bench-out/corpus');
  const n = generate({ pages, out });
  console.log(`Wrote ${n} files to ${out}`);
}
