/**
 * Signpost's built-in stop words: function words and question words a customer types around
 * what they are looking for ("how do I…", "wo ist mein…", "怎么…", "كيف…"). They are never
 * required in a query; a query made only of them is searched as typed. Keyed by the primary
 * language subtag; editors add words per language in `search/<lang>.yaml` (`stop_words`).
 * Words that carry meaning in a help center (negations such as not, nicht, لم, ない; cancel…) are
 * deliberately absent: "didn't arrive" is not "arrived".
 */
const lists: Record<string, string> = {
  en: `a an and are am as at be been being but by can could did do does doing for from get got had has have having he her his how
    i i'm if in into is it it's its me my myself of on or our please should so some something anything that the their them then there
    these they this those to us was we were what when where which who whom why will with would you your yours hi hello help thanks
    thank want wanted need needed trying try must should shall may might`,
  de: `ab aber alle als am an auch auf aus bei bin bis bitte da damit dann das dass dem den der des die dies diese dieser doch du
    ein eine einem einen einer eines er es etwas für hab habe haben hat hatte hallo ich ihr im in ist ja kann kannst können man mein
    meine meinem meinen meiner mich mir mit muss möchte nach noch nun oder sich sie sind so soll um und uns unser von vom war was
    warum welche welcher wenn wer werden wie wieso wo woher wurde zu zum zur darf dürfen müssen sollte würde bleibt`,
  fr: `a ai au aux avec ce ces cet cette comment dans de des du elle en est et être faire il je j'ai la le les leur ma mais me mes
    mon ne nous on ou où par pas pour pourquoi puis-je puisje quand que quel quelle quels quelles qui sa se ses son sont sur ta te tes
    ton tu un une vos votre vous y bonjour merci svp stp s'il plait l d j qu c est-ce dois doit faut peux peut veux voudrais puis`,
  es: `a al como cómo con cual cuál cuando cuándo de del donde dónde el él en es esta este esto estoy ha han hay he la las le lo los
    me mi mis muy nos o para pero por porque qué que quiero se si sí su sus tengo un una uno unos y ya yo hola gracias puedo
    puede necesito debo debe tengo tiene hay-que quisiera`,
  it: `a ad al alla alle come con da dal del della dei di dove è e gli ha ho i il in io la le lo mi mio mia nel per perché posso
    qual quale quando se si sono su un una uno`,
  pt: `a ao as com como da das de do dos e é em eu isso meu minha na no o os ou para pela pelo por porque posso qual quando que se
    sem seu sua um uma`,
  nl: `de den der des een en het hoe ik in is je kan kun me mijn met niet of op te van voor waar wat welke wie zijn`,
  ja: `の に は を が と で て た だ です ます でした ました ない か も へ や から まで より ね よ な し い う ん こと もの
    どう どうして どうやって どこ どれ 何 なに なぜ いつ 私 わたし 僕 したい したいです ください 方法 について したら すれば
    できますか できる ですか`,
  zh: `的 了 吗 呢 吧 啊 是 在 我 我的 自己 你 你们 他 她 它 们 这 那 这个 那个 和 与 及 或 也 都 就 要 想 会 能 可以 怎么 怎样 如何 什么
    为什么 哪里 哪儿 哪 多少 几 请问 请 一下 有 还 已经 个 把 被 给 让 从 到 对 于`,
  ar: `في من إلى الى على عن مع هل كيف ماذا لماذا متى أين اين قد هذا هذه ذلك تلك التي الذي أنا انا أنت نحن هو هي
    كان يكون أو او ثم أن ان إن و يا ممكن أريد اريد أستطيع استطيع عندي لي بي كم مرحبا شكرا`,
  ko: `이 그 저 것 수 등 를 을 은 는 가 에 의 와 과 도 로 으로 에서 어떻게 왜 언제 어디 무엇 뭐 제 내 저는 나는 하나요 있나요 어떻게`,
};

const parsed = new Map<string, string[]>();

/** The built-in stop words of a language tag (`zh-cn` → Chinese), or none. */
export function builtInStopWords(lang: string): string[] {
  const base = lang.split('-')[0]!;
  let words = parsed.get(base);
  if (!words) {
    words = [...new Set((lists[base] ?? '').split(/\s+/).filter(Boolean))];
    parsed.set(base, words);
  }
  return words;
}

/**
 * Greetings and sign-offs of customer messages, per language: the answer desk leaves them out with
 * the long stop-word list (search/lexicon.ts, `<lang>.chatter.json`). Searches never see them.
 */
const greetings: Record<string, string> = {
  en: 'dear hi hello hey regards kind best cheers sincerely thanks writing morning afternoon evening',
  de: 'guten tag hallo liebe lieber grüße grüßen freundlichen freundliche viele beste dank vielen morgen abend',
  fr: 'bonjour bonsoir salut cordialement salutations madame monsieur merci remercie avance bien',
  es: 'hola buenos buenas días tardes saludo saludos atentamente cordial gracias estimado estimada',
  ja: 'よろしく お願い お世話 いたします 申し上げます こんにちは ありがとう 失礼',
  ar: 'السلام عليكم مرحبا شكرا شكراً تحية تحياتي وشكرا',
  zh: '你好 您好 谢谢 感谢 请问 麻烦',
};

/** The greetings and sign-offs of `lang` (primary subtag), as one list. */
export function messageGreetings(lang: string): string[] {
  return (greetings[lang.split('-')[0]!] ?? '').split(/\s+/).filter(Boolean);
}
