using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Health;

public sealed class HealthOnSqlite() : HealthEndpointTests(new SqliteTestDatabase());

public sealed class HealthOnPostgres() : HealthEndpointTests(new PostgresTestDatabase());

public abstract class HealthEndpointTests(TestDatabase database) : IAsyncLifetime
{
    public Task InitializeAsync() => database is PostgresTestDatabase ? database.InitializeAsync() : Task.CompletedTask;

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_host_prepares_storage_and_then_reports_healthy()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Pmf", database.Options.PostgresConnectionString ?? "");
            host.UseSetting("Storage:SqlitePath", database.Options.SqlitePath);
        });
        var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
        Assert.Equal(database.Options.UsesPostgres, !db.IsSqlite);
        Assert.True(await db.SchemaVersions.AnyAsync());
    }
}
