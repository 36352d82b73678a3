using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Tabs;
using PmfBot.Bot.Tests.Tabs.Support;

namespace PmfBot.Bot.Tests.Tabs;

/// <summary>
/// Each tab page loaded in headless Chromium from the bot on real Kestrel, its script fetching the content with a
/// test-signed token (tests/js/tab-camera.mjs stands in for the Teams host), photographed into artifacts/tabs.
/// </summary>
public sealed class TabPagesInChromiumTests(KestrelTabsSite site) : IClassFixture<KestrelTabsSite>
{
    [Fact]
    public async Task Each_tab_page_renders_in_chromium_with_the_signed_in_persons_data()
    {
        var council = site.Council;
        var chair = site.TokenFor(council.Own.Chair);
        var shots = new JsonArray(
            Shot("personal-owner", TabAddresses.Personal, site.TokenFor(council.Own.Owner), "content", 1000),
            Shot("personal-chair", TabAddresses.Personal, chair, "content", 1000),
            Shot("board-channel", TabAddresses.Board(council.Own.Board.Id), chair, "content", 1100),
            Shot("board-other-chair", TabAddresses.Board(council.HealthBoard.Id), chair, "content", 1100),
            Shot("scrutiny-channel", TabAddresses.Board(council.ScrutinyBoard.Id), site.TokenFor(council.ScrutinyChair), "content", 1100),
            Shot("configure", TabAddresses.Configure, site.TokenFor(council.HealthChair), "settings", 600, save: true),
            Shot("meeting-panel", TabAddresses.Board(council.Own.Board.Id), chair, "sidePanel", 320, click: "Approve"),
            Shot("no-tenant", TabAddresses.Personal, new TabToken { Key = site.Key, ObjectId = TabsCouncil.ObjectIdOf(council.Own.Owner), TenantId = TabsSite.OtherTenantId }.Create(), "content", 800));

        var results = await RunCameraAsync(new JsonObject { ["base"] = site.Address, ["shots"] = shots });

        Assert.Equal("PmfBot for Olivia Owner", results["personal-owner"]["heading"]!.GetValue<string>());
        Assert.Contains("CPP-C1a", results["personal-owner"]["text"]!.GetValue<string>());
        Assert.Contains("Your decision as chair", results["personal-chair"]["text"]!.GetValue<string>());
        Assert.Contains(TabsCouncil.ChildrenProposal, results["board-channel"]["text"]!.GetValue<string>());
        Assert.DoesNotContain(TabsCouncil.HealthProposal, results["board-other-chair"]["text"]!.GetValue<string>());
        Assert.Contains("Health and Wellbeing Board", results["scrutiny-channel"]["text"]!.GetValue<string>());
        Assert.Equal($"{site.Address}{TabAddresses.Board(council.HealthBoard.Id)}", results["configure"]["config"]!["contentUrl"]!.GetValue<string>());
        Assert.Equal("Health and Wellbeing Board", results["configure"]["config"]!["suggestedDisplayName"]!.GetValue<string>());
        Assert.Equal("Children's Trust Board: board meeting", results["meeting-panel"]["heading"]!.GetValue<string>());
        Assert.Contains("You approved Amber for CPP-C1", results["meeting-panel"]["notice"]!.GetValue<string>());
        Assert.Equal("Not for your organisation", results["no-tenant"]["heading"]!.GetValue<string>());
        foreach (var name in results.Keys)
        {
            Assert.True(new FileInfo(Path.Combine(Artefacts, name + ".png")).Length > 5_000, $"{name}.png was not taken");
        }
    }

    private static string Artefacts => Path.Combine(RepositoryRoot(), "artifacts", "tabs");

    private static JsonObject Shot(string name, string path, string token, string frameContext, int width, string? click = null, bool save = false)
    {
        Directory.CreateDirectory(Artefacts);
        var shot = new JsonObject
        {
            ["name"] = name,
            ["path"] = path,
            ["token"] = token,
            ["frameContext"] = frameContext,
            ["width"] = width,
            ["file"] = Path.Combine(Artefacts, name + ".png"),
            ["save"] = save,
        };
        if (click is not null)
        {
            shot["click"] = click;
            shot["afterClickFile"] = Path.Combine(Artefacts, name + "-decided.png");
        }

        return shot;
    }

    private static async Task<Dictionary<string, JsonNode>> RunCameraAsync(JsonObject request)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.Combine(RepositoryRoot(), "tests", "js"), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("tab-camera.mjs");
        start.ArgumentList.Add(request.ToJsonString());
        using var camera = Process.Start(start)!;
        var output = camera.StandardOutput.ReadToEndAsync();
        var errors = camera.StandardError.ReadToEndAsync();
        await camera.WaitForExitAsync();
        Assert.True(camera.ExitCode == 0, $"tab-camera.mjs failed: {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .ToDictionary(result => result["name"]!.GetValue<string>());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PmfBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (PmfBot.sln) is not above the test binaries.");
    }
}

/// <summary><see cref="TabsSite"/> on real Kestrel (loopback), for a browser.</summary>
public sealed class KestrelTabsSite : TabsSite
{
    public KestrelTabsSite()
    {
        UseKestrel(0);
    }

    public string Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        }
    }
}
