using System.Net;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Nudges;
using PmfBot.Domain.PlainEnglish;
using PmfBot.Domain.Storage;
using PmfBot.Scheduler.Cycle;
using PmfBot.Scheduler.Delivery;
using PmfBot.Scheduler.Hosting;
using PmfBot.Scheduler.Tests.Support;
using PmfBot.Tests.Support;

namespace PmfBot.Scheduler.Tests.Hosting;

/// <summary>AddScheduler on the embedded default (SQLite, Hangfire.InMemory): roles, recurring jobs, a triggered cycle, the dashboard.</summary>
public sealed class SchedulerHostingTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Days.TenAm(CampaignCouncil.Q3Opens));

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("all", true)]
    [InlineData("worker", true)]
    [InlineData("web", false)]
    [InlineData("Web", false)]
    public void Only_the_web_role_runs_without_a_Hangfire_server(string role, bool server)
    {
        using var host = SchedulerServices.BuildHost(_database, _clock, new RecordingDelivery(_clock), s => s["Scheduler:Role"] = role);

        var hosted = host.Services.GetServices<IHostedService>().Select(h => h.GetType().Name).ToList();

        Assert.Equal(server, hosted.Contains("BackgroundJobServerHostedService"));
        Assert.Equal(server, hosted.Contains("RecurringJobsRegistration"));
        Assert.Contains("HangfireStorageStartup", hosted);
    }

    [Fact]
    public async Task A_server_registers_every_recurring_job_on_start()
    {
        using var host = SchedulerServices.BuildHost(_database, _clock, new RecordingDelivery(_clock), s => s["Scheduler:CycleCron"] = "*/10 * * * *");
        await host.StartAsync();

        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron);
        await host.StopAsync();

        Assert.Equal(new Dictionary<string, string> { [RecurringJobs.Cycle] = "*/10 * * * *", [RecurringJobs.Delivery] = "* * * * *", [RecurringJobs.LinkAccounts] = "0 * * * *" }, jobs);
    }

    [Fact]
    public async Task Unusable_settings_stop_the_scheduler_from_starting()
    {
        using var host = SchedulerServices.BuildHost(_database, _clock, new RecordingDelivery(_clock), s => s["Scheduler:Delivery:Timeout"] = "00:30:00");

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("The Scheduler settings are not usable", refused.Message);
        Assert.Contains("shorter than the outbox claim timeout", refused.Message);
    }

    [Fact]
    public async Task A_cycle_triggered_by_the_performance_team_runs_on_the_Hangfire_server_and_is_delivered()
    {
        var council = await CampaignCouncil.SeedAsync(_database, owners: 5);
        var delivery = new RecordingDelivery(_clock);
        using var host = SchedulerServices.BuildHost(_database, _clock, delivery);
        await host.StartAsync();

        await host.Services.WithAsync<CycleControl, string>(c => c.TriggerAsync(council.PerformanceOfficer.Id, CampaignCouncil.Q3Opens));
        var until = DateTime.UtcNow.AddSeconds(30);
        while (delivery.Calls.Count < 5 && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        var succeeded = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededJobs(0, 10).Select(j => j.Value.Result as string).ToList();
        await host.StopAsync();
        Assert.Equal(council.Owners.Select(o => o.Id).Order(), delivery.Calls.Select(c => c.To!.Value).Order());

        // Hangfire keeps each job's result, readable in the dashboard.
        Assert.Contains(succeeded, r => r is not null && r.Contains("\"PeriodKey\":\"2025-26-Q3\"", StringComparison.Ordinal));
        Assert.All(delivery.Calls, c => Assert.Equal(OutboxKinds.ReturnsOpen, c.Kind));
    }

    [Fact]
    public async Task The_dashboard_answers_this_machine_only_in_local_mode()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Role"] = "web" });
        Compose(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        Assert.True(app.MapSchedulerDashboard());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var http = new HttpClient();
        var response = await http.GetAsync(address + DashboardSetup.Path);
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire Dashboard", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.1.2.3", false)]
    [InlineData(null, false)]
    public void Loopback_only_lets_in_this_machine(string? remote, bool allowed)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Parse("10.1.2.4");
        var context = new AspNetCoreDashboardContext(new Hangfire.InMemory.InMemoryStorage(), new DashboardOptions(), http);

        Assert.Equal(allowed, new LoopbackOnly().Authorize(context));
    }

    [Fact]
    public async Task The_dashboard_is_not_mapped_on_PostgreSQL_without_an_authorisation_policy()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Role"] = "web" });
        Compose(builder.Services, builder.Configuration, new StorageOptions { PostgresConnectionString = "Host=127.0.0.1;Database=unused" });
        await using var app = builder.Build();

        Assert.False(app.MapSchedulerDashboard());
    }

    private void Compose(IServiceCollection services, IConfiguration configuration, StorageOptions? storage = null)
    {
        services.AddSingleton(TestLogging.Shared);
        services.AddSingleton<TimeProvider>(_clock);
        services.AddDatabase(storage ?? _database.Options);
        services.AddSingleton(configuration);
        services.AddDomain();
        services.AddScheduler(configuration);
        services.AddSingleton<IOutboxDelivery>(new RecordingDelivery(_clock));
    }
}
