using System.Security.Cryptography;
using System.Text;
using PmfBot.Bot.Publication;
using PmfBot.Domain.RagRatings;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// The tab pages' markup: a shell page (Teams' library, our script, a place for the content) and the signed-in
/// content as fragments the script puts into it. All text goes through <see cref="Html"/>, HTML-encoded. The
/// pages may be framed only by Teams and Microsoft 365 (docs/tabs.md) and load scripts only from PmfBot.
/// </summary>
public static class TabHtml
{
    public const string TeamsLibraryPath = "/tabs/script/teams.js";
    public const string TabScriptPath = "/tabs/script/tab.js";

    public const string StyleSheet = HtmlPage.StyleSheet +
        "body{max-width:60rem}" +
        ".notice{border-left:6px solid #1d70b8;background:#f3f2f1;padding:.5rem 1rem;margin:1rem 0}" +
        ".notice-good{border-color:#00703c}.notice-attention{border-color:#d4351c}" +
        ".decision{border:1px solid #b1b4b6;padding:.5rem 1rem;margin:.5rem 0 1rem}" +
        "fieldset{border:0;padding:0;margin:.5rem 0}legend{font-weight:bold}" +
        "label{display:block;margin:.3rem 0 .1rem}textarea{width:100%;min-height:3rem;font:inherit}" +
        "select,button{font:inherit}button{margin:.4rem .5rem 0 0;padding:.3rem .8rem;border:0;background:#00703c;color:#fff;cursor:pointer}" +
        "button.secondary{background:#f3f2f1;color:#0b0c0c;border:1px solid #505a5f}" +
        ".error{color:#d4351c;font-weight:bold}" +
        "ul.plain{list-style:none;padding:0}ul.plain li{border-top:1px solid #b1b4b6;padding:.4rem 0}" +
        // A meeting's side panel is about 320 pixels wide: tables scroll inside it rather than spill out.
        "@media (max-width:480px){body{padding:.5rem}h1{font-size:1.3rem}h2{font-size:1.1rem}" +
        "table{display:block;overflow-x:auto}th,td{padding:.2rem .3rem}}";

    /// <summary>
    /// Teams, Microsoft 365 and Outlook may frame the pages (tab requirements page); scripts come only from PmfBot;
    /// TeamsJS fetches its list of valid host domains from res.cdn.office.net.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        "default-src 'none'; " +
        $"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleSheet)))}'; " +
        "script-src 'self'; connect-src 'self' https://res.cdn.office.net; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft " +
        "https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com";

    /// <summary>
    /// The page Teams opens. <paramref name="contentPath"/> is fetched with the Teams sign-in; in a meeting's side
    /// panel <paramref name="sidePanelPath"/> is fetched instead.
    /// </summary>
    public static string Shell(string title, string contentPath, string? sidePanelPath = null, string? configure = null)
    {
        var page = new Html()
            .Raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<title>").Text(title).Raw("</title>\n<style>").Raw(StyleSheet).Raw("</style>\n")
            .Raw($"<script src=\"{TeamsLibraryPath}\" defer></script>\n<script src=\"{TabScriptPath}\" defer></script>\n")
            .Raw("</head>\n<body data-content=\"").Attribute(contentPath).Raw("\"");
        if (sidePanelPath is not null)
        {
            page.Raw(" data-side-panel=\"").Attribute(sidePanelPath).Raw("\"");
        }

        if (configure is not null)
        {
            page.Raw(" data-configure=\"").Attribute(configure).Raw("\"");
        }

        return page.Raw(">\n<main id=\"tab\" aria-live=\"polite\">").Element("p", "Signing you in through Teams…", "muted")
            .Raw("</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>A content fragment: a heading and what <paramref name="body"/> writes.</summary>
    public static string Fragment(string title, string? subtitle, Action<Html> body)
    {
        var page = new Html().Raw("<header>\n").Element("h1", title);
        if (subtitle is { Length: > 0 })
        {
            page.Element("p", subtitle, "muted");
        }

        page.Raw("\n</header>\n");
        body(page);
        return page.ToString();
    }

    public static string Problem(string title, string message) => Fragment(title, null, page => page.Element("p", message));

    public static async Task WriteProblemAsync(HttpResponse response, string title, string message)
    {
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Problem(title, message));
    }

    public static Html Notice(Html page, string text, string kind) =>
        text.Length == 0 ? page : page.Raw($"<div class=\"notice notice-{kind}\" role=\"status\">").Element("p", text).Raw("</div>\n");

    public static Html Badge(Html page, Rag? rag, string text) => page.Element("span", text, "rag " + RagClass(rag));

    public static string RagClass(Rag? rag) => rag switch
    {
        Rag.Green => "rag-green",
        Rag.Amber => "rag-amber",
        Rag.Red => "rag-red",
        _ => "rag-none",
    };

    public static Html Table(Html page, string caption, IReadOnlyList<string> columns, IEnumerable<Action<Html>> rows)
    {
        page.Raw("<table>\n").Element("caption", caption).Raw("\n<thead><tr>");
        foreach (var column in columns)
        {
            page.Raw("<th scope=\"col\">").Text(column).Raw("</th>");
        }

        page.Raw("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            page.Raw("<tr>");
            row(page);
            page.Raw("</tr>\n");
        }

        return page.Raw("</tbody>\n</table>\n");
    }
}
