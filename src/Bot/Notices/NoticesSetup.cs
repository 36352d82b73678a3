using Microsoft.Extensions.Options;
using PmfBot.Bot.Publication;

namespace PmfBot.Bot.Notices;

/// <summary>
/// <c>builder.AddNotices()</c> and <c>app.MapNotices()</c>: the council's privacy notice and terms of
/// use at <c>/privacy</c> and <c>/terms</c>, whether or not the scorecards are published.
/// </summary>
public static class NoticesSetup
{
    private static readonly string[] ReadOnly = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.SectionName);
        builder.Services.AddSingleton(services => Load(services.GetRequiredService<IOptions<NoticeOptions>>().Value));
        return builder;
    }

    public static WebApplication MapNotices(this WebApplication app)
    {
        // Read now, so a missing file stops the host at start rather than at the first visit.
        var notices = app.Services.GetRequiredService<IReadOnlyList<Notice>>();
        var publication = app.Services.GetRequiredService<IOptions<PublicationOptions>>().Value;
        foreach (var notice in notices)
        {
            app.MapMethods(notice.Path, ReadOnly, (HttpContext http) => Answer(http, notice, publication.CouncilName.Trim()));
        }

        return app;
    }

    private static IReadOnlyList<Notice> Load(NoticeOptions options) =>
    [
        Notice.Load(Notice.PrivacyPath, "Privacy notice", "Privacy", options.PrivacyText, options.PrivacyFile),
        Notice.Load(Notice.TermsPath, "Terms of use", "Terms", options.TermsText, options.TermsFile),
    ];

    private static IResult Answer(HttpContext http, Notice notice, string councilName)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = HtmlPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var footer = notice.Text is null
            ? $"The council sets this page with {notice.Setting}Text or {notice.Setting}File."
            : "PmfBot is the council's performance framework in Microsoft Teams.";
        var html = HtmlPage.Render(notice.Title, councilName, page =>
        {
            if (notice.Text is null)
            {
                page.Element("p", $"This council has not provided its {notice.Title.ToLowerInvariant()} for PmfBot at this address.");
                return;
            }

            foreach (var paragraph in notice.Paragraphs)
            {
                page.Element("p", paragraph, "prose").Raw("\n");
            }
        }, [footer]);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: notice.Text is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }
}
