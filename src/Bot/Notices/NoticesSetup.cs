using Microsoft.Extensions.Options;
using PmfBot.Bot.Publication;
using PmfBot.Domain.Settings;

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
        builder.Services.AddSettings<NoticeOptions>(NoticeOptions.SectionName);
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<NoticeOptions>>().Value.Load());
        return builder;
    }

    public static WebApplication MapNotices(this WebApplication app)
    {
        var notices = app.Services.GetRequiredService<IReadOnlyList<Notice>>();
        var publication = app.Services.GetRequiredService<IOptions<PublicationOptions>>().Value;
        foreach (var notice in notices)
        {
            app.MapMethods(notice.Path, ReadOnly, (HttpContext http) => Answer(http, notice, publication.CouncilName.Trim()));
        }

        return app;
    }

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
