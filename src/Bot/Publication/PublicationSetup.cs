using Microsoft.Extensions.Options;
using PmfBot.Bot.Storage;
using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Publication;

/// <summary><c>builder.AddPublication()</c> and <c>app.MapPublication()</c>: the read-only scorecard pages (docs/publication.md).</summary>
public static class PublicationSetup
{
    private static readonly string[] ReadOnly = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplicationBuilder AddPublication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<PublicationOptions>(PublicationOptions.SectionName);
        builder.Services.AddScoped<PublishedPages>();
        return builder;
    }

    /// <summary>Maps the pages only when <c>Publication:Enabled</c> is true; otherwise their addresses answer 404 like any unknown one.</summary>
    public static WebApplication MapPublication(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<PublicationOptions>>().Value.Enabled)
        {
            return app;
        }

        var published = app.MapGroup(PublishedAddresses.Root).AddEndpointFilter(SecureAndExplainFailures);
        published.MapMethods("/", ReadOnly, (PublishedPages pages, CancellationToken ct) => pages.IndexAsync(null, ct));
        published.MapMethods("/{period}", ReadOnly, (string period, PublishedPages pages, CancellationToken ct) => pages.IndexAsync(period, ct));
        published.MapMethods("/{period}/boards/{board}", ReadOnly,
            (string period, string board, string? format, PublishedPages pages, CancellationToken ct) => pages.BoardAsync(period, board, format, ct));
        published.MapMethods("/{period}/directorates/{directorate}", ReadOnly,
            (string period, string directorate, string? format, PublishedPages pages, CancellationToken ct) => pages.DirectorateAsync(period, directorate, format, ct));
        published.MapMethods("/{**rest}", ReadOnly, (PublishedPages pages) =>
            pages.NotFound("There is no published page at this address."));
        app.Logger.LogInformation("Publication is on: the scorecards are served read-only under {Root}", PublishedAddresses.Root);
        return app;
    }

    /// <summary>
    /// Every published response gets the security headers; a database that is not ready yet, or a
    /// failure, gets a plain page (logged), never a stack trace.
    /// </summary>
    private static async ValueTask<object?> SecureAndExplainFailures(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = HtmlPage.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";

        var pages = http.RequestServices.GetRequiredService<PublishedPages>();
        if (!http.RequestServices.GetRequiredService<StorageReadiness>().IsReady)
        {
            return pages.Problem(StatusCodes.Status503ServiceUnavailable, "Starting up", "The scorecards are not ready yet: please try again in a minute.");
        }

        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILogger<PublishedPages>>()
                .LogError(ex, "A published page failed: {Method} {Path}", http.Request.Method, http.Request.Path);
            return pages.Problem(StatusCodes.Status500InternalServerError, "Something went wrong", "This page could not be produced just now. Please try again later.");
        }
    }
}
