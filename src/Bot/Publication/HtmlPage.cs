using System.Security.Cryptography;
using System.Text;

namespace PmfBot.Bot.Publication;

/// <summary>
/// The shell every published page shares: one inline style sheet (no scripts, fonts or images,
/// so the page is self-contained and prints), the council's name, and a footer saying when it was
/// generated and what is published. The Content-Security-Policy allows only this style sheet, by
/// its hash.
/// </summary>
public static class HtmlPage
{
    public const string StyleSheet =
        "body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;line-height:1.4;margin:0 auto;max-width:80rem;padding:1rem}" +
        "header{border-bottom:4px solid #1d70b8;margin-bottom:1rem;padding-bottom:.5rem}" +
        ".council{font-weight:bold;margin:0}" +
        "h1{font-size:1.8rem;margin:.2rem 0}" +
        "h2{font-size:1.3rem;margin:2rem 0 .5rem;border-top:1px solid #b1b4b6;padding-top:1rem}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}dt{font-weight:bold}dd{margin:0}" +
        "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}" +
        "caption{text-align:left;font-weight:bold;padding:.25rem 0}" +
        "th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left;vertical-align:top}" +
        "thead th{background:#f3f2f1}" +
        ".num,.travel{white-space:nowrap}.num{text-align:right}" +
        ".code{display:block;font-weight:normal;color:#505a5f}" +
        ".prose{white-space:pre-line}" +
        ".rag{display:inline-block;padding:0 .4rem;border:2px solid;border-radius:.2rem;font-weight:bold;white-space:nowrap}" +
        ".rag-green{background:#cce2d8;border-color:#00703c;color:#005a30}" +
        ".rag-amber{background:#fff7bf;border-color:#b58800;color:#594d00}" +
        ".rag-red{background:#f4cdc6;border-color:#d4351c;color:#942514}" +
        ".rag-none{background:#f3f2f1;border-color:#505a5f;color:#383f43}" +
        ".muted{color:#505a5f}" +
        "a{color:#1d70b8}" +
        "footer{margin-top:2rem;border-top:1px solid #b1b4b6;padding-top:.5rem;font-size:.9rem;color:#505a5f}" +
        "@media print{body{max-width:none;padding:0;font-size:10pt}nav{display:none}h2{break-after:avoid}" +
        "thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}" +
        "*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}";

    /// <summary>default-src 'none' forbids scripts, images, fonts and connections; the one style sheet is allowed by hash.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(StyleSheet)))}'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(string title, string councilName, string generated, Action<Html> main) =>
        Render(title, councilName, main,
        [
            $"Generated on {generated} (UK time) from the council's performance records.",
            "Only what has been through sign-off is published, for quarters the performance team has released: returns once submitted (and signed off by the directorate where it signs off its returns), and overall ratings once the board has approved or amended them, with the board's reason for an amendment.",
        ]);

    /// <summary>A page in the same shell with its own footer lines (the privacy notice and terms of use).</summary>
    public static string Render(string title, string councilName, Action<Html> main, IReadOnlyList<string> footer)
    {
        var page = new Html()
            .Raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<title>").Text(councilName.Length > 0 ? $"{title} - {councilName}" : title).Raw("</title>\n")
            .Raw("<style>").Raw(StyleSheet).Raw("</style>\n</head>\n<body>\n<header>\n");
        if (councilName.Length > 0)
        {
            page.Element("p", councilName, "council").Raw("\n");
        }

        page.Element("h1", title).Raw("\n</header>\n<main>\n");
        main(page);
        page.Raw("\n</main>\n<footer>\n");
        foreach (var line in footer)
        {
            page.Element("p", line);
        }

        return page.Raw("\n</footer>\n</body>\n</html>\n").ToString();
    }
}
