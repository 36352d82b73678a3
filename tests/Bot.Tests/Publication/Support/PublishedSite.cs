using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Scorecards;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Publication.Support;

/// <summary>
/// The real bot (Program) on the demo council, clock at Monday 24 November 2025 (Q2 2025/26 is
/// the current quarter), with Publication:Enabled as the test says (unset when null). Unless told
/// not to (<paramref name="releaseAll"/>), the performance team has released every quarter there is
/// to release when the host starts, as a council does before its pages are read.
/// </summary>
public sealed class PublishedSite(bool? enabled = true, TestDatabase? database = null, Dictionary<string, string?>? settings = null, bool releaseAll = true)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DemoDay = new(2025, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = database ?? new SqliteTestDatabase();

    public FakeTimeProvider Clock { get; } = new(DemoDay);

    /// <summary>A context on the site's database, once the host has started (and seeded the demo).</summary>
    public PmfDbContext NewContext()
    {
        _ = Services;
        return _database.NewContext();
    }

    /// <summary>Runs a use case of the site's own (its clock, its database).</summary>
    public async Task<T> UseAsync<TUseCase, T>(Func<TUseCase, Task<T>> use)
        where TUseCase : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    public async Task<(HttpResponseMessage Response, IDocument Page)> PageAsync(string address)
    {
        var response = await CreateClient().GetAsync(address);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, page);
    }

    public async Task<(HttpResponseMessage Response, byte[] Bytes, IReadOnlyList<string[]> Records)> CsvAsync(string address)
    {
        var response = await CreateClient().GetAsync(address);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response, bytes, Rfc4180.Read(bytes));
    }

    /// <summary>The performance team (its first member) releases the quarter, as "cycle publish" does.</summary>
    public async Task<ReleaseQuarter.Outcome> ReleaseAsync(Period quarter)
    {
        var officer = await PerformanceOfficerAsync();
        return await UseAsync<ReleaseQuarter, ReleaseQuarter.Outcome>(release => release.ReleaseAsync(officer, quarter));
    }

    public async Task<ReleaseQuarter.Outcome> WithdrawAsync(Period quarter)
    {
        var officer = await PerformanceOfficerAsync();
        return await UseAsync<ReleaseQuarter, ReleaseQuarter.Outcome>(release => release.WithdrawAsync(officer, quarter));
    }

    public async Task<Guid> PerformanceOfficerAsync()
    {
        await using var db = NewContext();
        return await db.People.Where(p => p.IsPerformanceTeam).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (releaseAll && enabled == true)
        {
            ReleaseEverythingAsync(host.Services).GetAwaiter().GetResult();
        }

        return host;
    }

    private static async Task ReleaseEverythingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
        var officer = await db.People.Where(p => p.IsPerformanceTeam).Select(p => p.Id).FirstOrDefaultAsync();
        var contents = await scope.ServiceProvider.GetRequiredService<PublishedScorecards>().ContentsAsync();
        foreach (var quarter in contents.AwaitingRelease)
        {
            await scope.ServiceProvider.GetRequiredService<ReleaseQuarter>().ReleaseAsync(officer, quarter);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Pmf", _database.Options.PostgresConnectionString ?? "");
        builder.UseSetting("Storage:SqlitePath", _database.Options.SqlitePath);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Scheduler:Role", "web");
        if (enabled is { } on)
        {
            builder.UseSetting("Publication:Enabled", on ? "true" : "false");
        }

        foreach (var (key, value) in settings ?? [])
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}
