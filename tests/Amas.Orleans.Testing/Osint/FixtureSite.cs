namespace Amas.Orleans.Testing.Osint;

/// <summary>A small company site: four reachable pages, one behind robots.txt, contact details written several ways.</summary>
public static class FixtureSite
{
    public const string Robots = """
        # Everyone else: keep out.
        User-agent: *
        Disallow: /

        User-agent: AmasOsintTest
        Disallow: /private/
        Allow: /private/open.html$
        Disallow: /*.pdf$
        """;

    public const string Index = """
        <!DOCTYPE html>
        <html><head><title>Acme Research Lab</title>
        <meta name="description" content="Acme builds reliable sensors.">
        <script>var hidden = "script-secret@acme-example.com";</script>
        <style>.x { color: red }</style></head>
        <body><h1>Welcome to Acme</h1>
        <p>We build excellent, reliable sensors. Contact sales@acme-example.com or call +1 650-253-0000.</p>
        <a href="/about.html">About</a> <a href="team/index.html#top">Team</a>
        <a href="/private/secret.html">Secret</a> <a href="/private/open.html">Open</a>
        <a href="/report.pdf">Report</a>
        <a href="https://www.example.org/external">External</a> <a href="mailto:press@acme-example.com">Press</a>
        <img src="/img/logo.png" alt="logo"><noscript>Enable scripts</noscript>
        <form action="/subscribe" method="post"><input name="email" type="email"><input type="submit"></form>
        </body></html>
        """;

    public const string About = """
        <html><head><title>About Acme</title></head><body>
        <p>Write to jane.doe [at] acme-example [dot] com or bob (at) acme-example (dot) org.</p>
        <p>Our servers: 203.0.113.7 and 2001:db8::1. Docs at https://docs.acme-example.com/start.</p>
        <p>The old sensors were not good, but the new sensors are great.</p>
        <p>London office: +44 20 7031 3000</p>
        </body></html>
        """;

    public const string Team = """
        <html><head><title>Team</title></head><body>
        <p>Team page. Contact carol(at)acme-example(dot)com.</p><a href="members.html">Members</a>
        </body></html>
        """;

    public const string Members = "<html><body><p>Members: dave at acme-example dot net</p></body></html>";

    public const string Secret = "<html><body><p>Internal: leak@acme-example.com 10.1.2.3</p></body></html>";

    public const string Open = "<html><body><p>Open note from 198.51.100.23</p></body></html>";

    public static LoopbackSite Serve(LoopbackSite site) => site
        .Page("/robots.txt", Robots, "text/plain")
        .Page("/", Index)
        .Page("/about.html", About)
        .Page("/team/index.html", Team)
        .Page("/team/members.html", Members)
        .Page("/private/secret.html", Secret)
        .Page("/private/open.html", Open)
        .Page("/report.pdf", "%PDF-1.4 not really", "application/pdf");
}
