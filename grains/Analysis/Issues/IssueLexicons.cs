namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// The built-in lexicons, one per language. Weights: 4–5 a phrase that alone decides the category, 3 a strong hint,
/// 1–2 a word that only counts together with others. Security phrases weigh most so a report that is both a bug and
/// a vulnerability is handled as the latter.
/// </summary>
public static class IssueLexicons
{
    private const IssueCategory B = IssueCategory.Bug, F = IssueCategory.Feature, Q = IssueCategory.Question,
        D = IssueCategory.Documentation, S = IssueCategory.Security;

    private const IssueSeverity High = IssueSeverity.High, Critical = IssueSeverity.Critical;

    public static IssueLexicon English { get; } = new(IssueLanguage.English,
        [
            C("bug", B, 3), C("crash", B, 3), C("corrupt", B, 3), C("data loss", B, 3), C("error", B, 2), C("exception", B, 2), C("fail", B, 2), C("broken", B, 2),
            C("doesn't work", B, 3), C("does not work", B, 3), C("not working", B, 3), C("regression", B, 3),
            C("stack trace", B, 2), C("hang", B, 2), C("freez", B, 2), C("wrong", B, 1), C("unexpected", B, 1),
            C("feature request", F, 4), C("add support", F, 3), C("please add", F, 3), C("would be nice", F, 3),
            C("would be great", F, 3), C("support for", F, 2), C("option to", F, 2), C("enhancement", F, 3),
            C("proposal", F, 2), C("could you add", F, 3), C("would like", F, 2), C("new feature", F, 3), C("allow", F, 1),
            C("how do i", Q, 3), C("how can i", Q, 3), C("how to", Q, 2), C("is it possible", Q, 3),
            C("is there a way", Q, 3), C("why does", Q, 2), C("question", Q, 3), C("help", Q, 1),
            C("documentation", D, 3), C("docs", D, 3), C("readme", D, 3), C("typo", D, 3), C("tutorial", D, 2),
            C("guide", D, 2), C("out of date", D, 2), C("wiki", D, 2), C("documented", D, 3), C("example", D, 1),
            C("vulnerab", S, 4), C("security", S, 3), C("cve-", S, 5), C("xss", S, 5), C("cross-site", S, 4),
            C("injection", S, 4), C("exploit", S, 4), C("attacker", S, 4), C("csrf", S, 4), C("path traversal", S, 5),
            C("remote code execution", S, 5), C("privilege escalation", S, 5), C("leak", S, 3), C("credential", S, 3),
        ],
        [
            V("crash", High), V("data loss", Critical), V("corrupt", High), V("production", High), V("all users", High),
            V("vulnerab", High), V("xss", High), V("cross-site", High), V("injection", High), V("path traversal", High),
            V("cve-", Critical), V("remote code execution", Critical), V("rce", Critical), V("actively exploited", Critical),
            V("privilege escalation", Critical),
        ],
        ["dependency injection", "dependency-injection", "injection container"]);

    public static IssueLexicon Spanish { get; } = new(IssueLanguage.Spanish,
        [
            C("error", B, 2), C("fallo", B, 3), C("falla", B, 2), C("se cierra", B, 2), C("no funciona", B, 3),
            C("se bloquea", B, 3), C("se cuelga", B, 3), C("excepción", B, 2), C("roto", B, 2), C("regresión", B, 3),
            C("solicitud de función", F, 4), C("sería útil", F, 3), C("sería genial", F, 3), C("añadir", F, 2),
            C("añadid", F, 2), C("agregar", F, 2), C("permitir", F, 2), C("soporte para", F, 2), C("nueva función", F, 3),
            C("propuesta", F, 2), C("mejora", F, 2), C("me gustaría", F, 2),
            C("cómo", Q, 3), C("es posible", Q, 2), C("hay alguna manera", Q, 3), C("por qué", Q, 2), C("pregunta", Q, 3),
            C("ayuda", Q, 1),
            C("documentación", D, 3), C("tutorial", D, 2), C("errata", D, 3), C("guía", D, 2), C("desactualizad", D, 2),
            C("ejemplo", D, 1),
            C("vulnerabilidad", S, 4), C("seguridad", S, 3), C("inyección", S, 4), C("atacante", S, 4), C("fuga", S, 2),
            C("credencial", S, 3), C("escalada de privilegios", S, 5), C("ejecución remota de código", S, 5),
        ],
        [
            V("se cierra", High), V("pérdida de datos", Critical), V("producción", High), V("vulnerabilidad", High),
            V("inyección", High), V("ejecución remota de código", Critical), V("escalada de privilegios", Critical),
        ],
        ["inyección de dependencias"]);

    public static IssueLexicon French { get; } = new(IssueLanguage.French,
        [
            C("plante", B, 3), C("erreur", B, 2), C("échoue", B, 2), C("ne fonctionne pas", B, 3), C("ne marche pas", B, 3),
            C("bloqué", B, 2), C("cassé", B, 2), C("régression", B, 3), C("bogue", B, 3),
            C("demande de fonctionnalité", F, 4), C("ajouter", F, 2), C("ce serait bien", F, 3), C("pourriez-vous ajouter", F, 3),
            C("nouvelle fonctionnalité", F, 3), C("permettre", F, 2), C("prise en charge", F, 2), C("amélioration", F, 2),
            C("proposition", F, 2), C("j'aimerais", F, 2),
            C("comment", Q, 3), C("est-ce que", Q, 2), C("est-il possible", Q, 3), C("existe-t-il", Q, 3),
            C("pourquoi", Q, 2), C("question", Q, 3), C("aide", Q, 1), C("peut-on", Q, 2),
            C("documentation", D, 3), C("tutoriel", D, 2), C("coquille", D, 3), C("faute de frappe", D, 3),
            C("guide", D, 2), C("pas à jour", D, 2), C("exemple", D, 1),
            C("vulnérabilité", S, 4), C("sécurité", S, 3), C("injection", S, 4), C("attaquant", S, 4), C("faille", S, 4),
            C("fuite", S, 2), C("identifiants", S, 2), C("élévation de privilèges", S, 5), C("exécution de code à distance", S, 5),
        ],
        [
            V("plante", High), V("perte de données", Critical), V("vulnérabilité", High), V("faille", High),
            V("injection", High), V("exécution de code à distance", Critical), V("élévation de privilèges", Critical),
        ],
        ["injection de dépendances"]);

    public static IssueLexicon German { get; } = new(IssueLanguage.German,
        [
            C("absturz", B, 3), C("stürzt", B, 3), C("abstürz", B, 3), C("fehler", B, 2), C("funktioniert nicht", B, 3),
            C("schlägt", B, 2), C("fehlgeschlagen", B, 2), C("kaputt", B, 2), C("hängt", B, 2), C("ausnahme", B, 2),
            C("funktionswunsch", F, 4), C("feature-wunsch", F, 4), C("hinzufügen", F, 2), C("fügt", F, 2),
            C("wäre schön", F, 3), C("wäre toll", F, 3), C("unterstützung für", F, 2), C("neue funktion", F, 3),
            C("vorschlag", F, 2), C("verbesserung", F, 2), C("könntet ihr", F, 2), C("ermöglichen", F, 2),
            C("wie kann", Q, 3), C("gibt es eine möglichkeit", Q, 3), C("warum", Q, 2), C("frage", Q, 3), C("hilfe", Q, 1),
            C("kann man", Q, 2), C("ist es möglich", Q, 3),
            C("dokumentation", D, 3), C("doku", D, 3), C("anleitung", D, 3), C("tippfehler", D, 3), C("veraltet", D, 2),
            C("handbuch", D, 2), C("beispiel", D, 1),
            C("sicherheitslücke", S, 5), C("schwachstelle", S, 4), C("sicherheit", S, 3), C("injektion", S, 4),
            C("angreifer", S, 4), C("rechteausweitung", S, 5), C("zugangsdaten", S, 3),
        ],
        [
            V("absturz", High), V("stürzt", High), V("datenverlust", Critical), V("produktion", High),
            V("sicherheitslücke", High), V("schwachstelle", High), V("injektion", High), V("rechteausweitung", Critical),
        ],
        ["dependency injection"]);

    public static IssueLexicon Chinese { get; } = new(IssueLanguage.Chinese,
        [
            C("崩溃", B, 3), C("错误", B, 2), C("报错", B, 3), C("失败", B, 2), C("无法", B, 2), C("异常", B, 2),
            C("卡住", B, 2), C("闪退", B, 3),
            C("功能请求", F, 4), C("希望增加", F, 3), C("增加", F, 2), C("添加", F, 2), C("加一个", F, 3), C("建议", F, 2),
            C("新功能", F, 3), C("支持", F, 1),
            C("怎么", Q, 3), C("怎样", Q, 3), C("如何", Q, 3), C("为什么", Q, 2), C("请问", Q, 3), C("吗", Q, 2),
            C("文档", D, 3), C("教程", D, 2), C("错别字", D, 3), C("说明文件", D, 3), C("过时", D, 2), C("示例", D, 1),
            C("漏洞", S, 5), C("安全", S, 3), C("注入", S, 4), C("攻击者", S, 4), C("泄露", S, 3), C("越权", S, 4),
            C("远程代码执行", S, 5), C("跨站脚本", S, 5),
        ],
        [
            V("崩溃", High), V("闪退", High), V("数据丢失", Critical), V("生产环境", High), V("漏洞", High), V("注入", High),
            V("远程代码执行", Critical), V("越权", High),
        ],
        ["依赖注入"]);

    public static IssueLexicon Japanese { get; } = new(IssueLanguage.Japanese,
        [
            C("クラッシュ", B, 3), C("落ち", B, 3), C("エラー", B, 2), C("失敗", B, 2), C("動かない", B, 3),
            C("動きません", B, 3), C("例外", B, 2), C("不具合", B, 3), C("バグ", B, 3), C("フリーズ", B, 3),
            C("機能要望", F, 4), C("追加してください", F, 3), C("追加", F, 2), C("対応してほしい", F, 3),
            C("できるようにして", F, 3), C("提案", F, 2), C("改善", F, 2), C("新機能", F, 3),
            C("どうやって", Q, 3), C("方法はありますか", Q, 3), C("ですか", Q, 2), C("ますか", Q, 2), C("なぜ", Q, 2),
            C("質問", Q, 3), C("教えて", Q, 2),
            C("ドキュメント", D, 3), C("説明書", D, 3), C("チュートリアル", D, 2), C("誤字", D, 3), C("マニュアル", D, 3),
            C("古くなって", D, 2),
            C("脆弱性", S, 5), C("セキュリティ", S, 3), C("インジェクション", S, 4), C("攻撃者", S, 4), C("漏洩", S, 3),
            C("権限昇格", S, 5), C("リモートコード実行", S, 5), C("クロスサイトスクリプティング", S, 5),
        ],
        [
            V("クラッシュ", High), V("落ち", High), V("データが消え", Critical), V("データ損失", Critical), V("本番", High),
            V("脆弱性", High), V("インジェクション", High), V("リモートコード実行", Critical), V("権限昇格", Critical),
        ],
        ["依存性注入", "依存関係の注入"]);

    public static IReadOnlyList<IssueLexicon> All { get; } = [English, Spanish, French, German, Chinese, Japanese];

    public static IssueLexicon For(IssueLanguage language) => All.First(l => l.Language == language);

    private static CategoryCue C(string phrase, IssueCategory category, int weight) => new(phrase, category, weight);

    private static SeverityCue V(string phrase, IssueSeverity floor) => new(phrase, floor);
}
