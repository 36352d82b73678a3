namespace PmfBot.Bench.Inbound;

/// <summary>
/// The baseline of benchmark 1: a bare ASP.NET Core minimal endpoint, in a process of its own
/// (<c>dotnet PmfBot.Bench.dll baseline-server &lt;bytes&gt;</c>), that reads the posted body and
/// answers with a JSON body of the same size as the bot's status card. No authentication, no
/// database: what the framework and the machine cost on their own.
/// </summary>
public static class BareBaseline
{
    public const string Command = "baseline-server";

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Length > 1 && int.TryParse(args[1], out var bytes) && bytes > 16 ? bytes : 4096;
        var body = System.Text.Encoding.UTF8.GetBytes("{\"value\":\"" + new string('x', size - 12) + "\"}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapPost("/api/messages", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            await http.Response.Body.WriteAsync(body);
        });
        await app.RunAsync();
        return 0;
    }
}
