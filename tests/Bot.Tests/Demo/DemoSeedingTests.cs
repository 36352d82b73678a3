using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Storage;
using PmfBot.Tests.Support;

namespace PmfBot.Bot.Tests.Demo;

public sealed class DemoSeedingTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_embedded_default_starts_with_the_demo_council()
    {
        await using var factory = Host();
        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmfDbContext>();
        Assert.Equal(9, await db.Boards.CountAsync());
        Assert.True(await db.People.AnyAsync(p => p.EntraObjectId == DemoCouncil.People.Chair.EntraObjectId));
    }

    [Fact]
    public async Task Demo_seed_false_starts_empty()
    {
        await using var factory = Host(("Demo:Seed", "false"));
        await factory.CreateClient().GetAsync("/healthz");

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PmfDbContext>().Boards.AnyAsync());
    }

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Pmf", "");
            host.UseSetting("Storage:SqlitePath", _database.Options.SqlitePath);
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
}
