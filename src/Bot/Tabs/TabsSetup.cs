using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Storage;
using PmfBot.Domain.People;
using PmfBot.Domain.Settings;

namespace PmfBot.Bot.Tabs;

/// <summary>
/// <c>builder.AddTabs()</c> and <c>app.MapTabs()</c>: the personal, channel and meeting tabs (docs/tabs.md). With
/// `Tabs:Domain` unset nothing is mapped and the addresses answer 404 like any unknown one.
/// </summary>
public static class TabsSetup
{
    private const string ViewerKey = "PmfBot.TabViewer";

    public static WebApplicationBuilder AddTabs(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSettings<TabsOptions>(TabsOptions.Section).PostConfigure(o => o.FillFrom(configuration));

        var settings = configuration.ReadSettings<TabsOptions>(TabsOptions.Section);
        if (!settings.IsEnabled)
        {
            return builder;
        }

        builder.Services.AddScoped<TabViewer>();
        builder.Services.AddScoped<PersonalTab>();
        builder.Services.AddScoped<BoardTab>();
        builder.Services.AddScoped<MeetingPanel>();
        builder.Services.AddScoped<MeetingDecision>();
        builder.Services.AddScoped<BoardChoice>();
        builder.Services.AddSingleton<TabScripts>();
        builder.Services.AddAuthentication().AddJwtBearer(TabSignIn.Scheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(TabSignIn.Scheme)
            .Configure<IOptions<TabsOptions>>((jwt, tabs) => TabSignIn.Configure(jwt, tabs.Value));
        builder.Services.AddAuthorizationBuilder().AddPolicy(TabSignIn.Policy, policy => policy
            .AddAuthenticationSchemes(TabSignIn.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AllowedTenantRequirement()));
        builder.Services.AddSingleton<IAuthorizationHandler, AllowedTenantHandler>();
        return builder;
    }

    public static WebApplication MapTabs(this WebApplication app)
    {
        var tabs = app.Services.GetRequiredService<IOptions<TabsOptions>>().Value;
        if (!tabs.IsEnabled)
        {
            return app;
        }

        var pages = app.MapGroup(TabAddresses.Root).AddEndpointFilter(Secure);
        pages.MapGet("/personal", () => Html(TabHtml.Shell("PmfBot: my returns, actions and decisions", TabAddresses.PersonalContent)));
        pages.MapGet("/board/{boardId:guid}", (Guid boardId) =>
            Html(TabHtml.Shell("PmfBot: the board", TabAddresses.BoardContent(boardId), TabAddresses.MeetingContent(boardId))));
        pages.MapGet("/configure", () => Html(TabHtml.Shell("PmfBot: choose the board", TabAddresses.Boards, configure: TabAddresses.Root + "/board/")));
        pages.MapGet("/script/tab.js", (TabScripts scripts) => Results.Text(scripts.Tab, "text/javascript; charset=utf-8"));
        pages.MapGet("/script/teams.js", (TabScripts scripts) => scripts.TeamsLibrary is { } library
            ? Results.Text(library, "text/javascript; charset=utf-8")
            : Results.Text("document.getElementById('tab').textContent = 'This PmfBot was built without the Teams library: the administrator must rebuild it (docs/tabs.md).';",
                "text/javascript; charset=utf-8"));

        var content = pages.MapGroup("/content").RequireAuthorization(TabSignIn.Policy).AddEndpointFilter(FindViewer);
        content.MapGet("/personal", async (HttpContext http, PersonalTab tab, CancellationToken ct) => Html(await tab.RenderAsync(Viewer(http), ct)));
        content.MapGet("/board/{boardId:guid}", async (Guid boardId, HttpContext http, BoardTab tab, CancellationToken ct) =>
            await tab.RenderAsync(boardId, Viewer(http), ct) is { } page ? Html(page) : NoBoard());
        content.MapGet("/meeting/{boardId:guid}", async (Guid boardId, HttpContext http, MeetingPanel panel, CancellationToken ct) =>
            await panel.RenderAsync(boardId, Viewer(http), "", "", null, ct) is { } page ? Html(page) : NoBoard());
        content.MapPost("/meeting/{boardId:guid}/decide", async (Guid boardId, HttpContext http, MeetingDecision decision, CancellationToken ct) =>
            await decision.HandleAsync(boardId, Viewer(http), await http.Request.ReadFormAsync(ct), ct) is { } page ? Html(page) : NoBoard())
            .DisableAntiforgery();
        content.MapGet("/boards", async (string? channel, HttpContext http, BoardChoice choice, CancellationToken ct) =>
            Html(await choice.RenderAsync(Viewer(http), channel, ct)));
        app.Logger.LogInformation("The tabs are on under {Root}, signed in with Teams for {Domain}", TabAddresses.Root, tabs.Domain);
        return app;
    }

    private static IResult Html(string markup, int status = StatusCodes.Status200OK) =>
        Results.Content(markup, "text/html; charset=utf-8", statusCode: status);

    private static IResult NoBoard() =>
        Html(TabHtml.Problem("No such board", "PmfBot has no board for this tab: it may have been removed. Ask the performance team, or set the tab up again."), StatusCodes.Status404NotFound);

    private static Person Viewer(HttpContext http) => (Person)http.Items[ViewerKey]!;

    /// <summary>Security headers on every tab response; a database not ready yet, or a failure, gets a plain message (logged).</summary>
    private static async ValueTask<object?> Secure(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.ContentSecurityPolicy = TabHtml.ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        if (!http.RequestServices.GetRequiredService<StorageReadiness>().IsReady)
        {
            return Html(TabHtml.Problem("Starting up", "PmfBot is starting: please try again in a minute."), StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TabsSetup))
                .LogError(ex, "A tab failed: {Method} {Path}", http.Request.Method, http.Request.Path);
            return Html(TabHtml.Problem("Something went wrong", "This tab could not be shown just now. Please try again later."), StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>Signed in, from an allowed tenant: now, who is it? Someone PmfBot does not know gets a 403 saying whom to ask.</summary>
    private static async ValueTask<object?> FindViewer(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var person = await http.RequestServices.GetRequiredService<TabViewer>().FindAsync(http.User, http.RequestAborted);
        if (person is null)
        {
            return Html(
                TabHtml.Problem("PmfBot does not know you yet",
                    "You are signed in, but you are not among the people in the council's data list, or PmfBot has not linked your Teams account yet. "
                    + "Say hello to PmfBot in chat, or ask the performance team to add you."),
                StatusCodes.Status403Forbidden);
        }

        http.Items[ViewerKey] = person;
        return await next(context);
    }
}

/// <summary>The sign-in comes from a tenant on `Tabs:AllowedTenants` and lets PmfBot act for the user (`access_as_user`).</summary>
public sealed class AllowedTenantRequirement : IAuthorizationRequirement;

internal sealed class AllowedTenantHandler(IOptions<TabsOptions> tabs, ILogger<AllowedTenantHandler> logger) : AuthorizationHandler<AllowedTenantRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AllowedTenantRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (!TabSignIn.FromAllowedTenant(context.User, tabs.Value))
        {
            logger.LogWarning("Refused a tab to a sign-in from tenant {TenantId}, not on Tabs:AllowedTenants", TabSignIn.Claim(context.User, "tid"));
        }
        else if (!TabSignIn.ActsForTheUser(context.User))
        {
            logger.LogWarning("Refused a tab to a token without the {Scope} scope", TabsOptions.Scope);
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
