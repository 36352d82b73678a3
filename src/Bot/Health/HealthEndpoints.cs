using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PmfBot.Bot.Storage;

namespace PmfBot.Bot.Health;

public static class HealthEndpoints
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";

    /// <summary>
    /// /healthz (liveness): the process is up and its storage prepared. /readyz (readiness): every check
    /// tagged <see cref="HealthSetup.Ready"/>, answered 200 or 503 with each check's name and status.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet(Liveness, (StorageReadiness storage) => storage.IsReady
            ? Results.Ok(new { status = "ok" })
            : Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapHealthChecks(Readiness, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthSetup.Ready),
            ResponseWriter = WriteReadinessAsync,
        });
        return app;
    }

    public static bool IsProbe(PathString path) => path.StartsWithSegments(Liveness) || path.StartsWithSegments(Readiness);

    /// <summary>
    /// Each check's name, status and our own short description. An exception's message is not shown (it can
    /// name hosts and accounts, and anyone who can reach the bot can ask): the log has it.
    /// </summary>
    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is not null ? "The check failed; the log says why."
                    : e.Value.Description ?? (e.Value.Status == HealthStatus.Healthy ? "Ready." : "Not ready."),
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), http.RequestAborted);
    }
}
