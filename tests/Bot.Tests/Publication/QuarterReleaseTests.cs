using System.Net;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Publication.Support;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Ratings;
using PmfBot.Domain.Scorecards;
using static PmfBot.Bot.Tests.Publication.Support.ScorecardReading;

namespace PmfBot.Bot.Tests.Publication;

/// <summary>
/// The public view shows a quarter only once the performance team has released it: before, and after
/// a withdrawal, every published address (index, board, directorate, CSV) says plainly that the quarter
/// has not been released yet and shows nothing of it. Demo council, 24 November 2025.
/// </summary>
public sealed class QuarterReleaseTests : IAsyncLifetime
{
    private const string NotReleased = "Quarter 2 2025/26 has not been released yet.";
    private static readonly Period Q2 = Period.Quarter(2025, 2);
    private readonly PublishedSite _site = new(enabled: true, releaseAll: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Before_release_no_address_shows_the_quarter_and_each_says_it_is_not_released_yet()
    {
        var (indexResponse, index) = await _site.PageAsync("/published");

        Assert.Equal(HttpStatusCode.OK, indexResponse.StatusCode);
        Assert.Contains(NotReleased, index.Body!.TextContent);
        Assert.Contains("Nothing has been published yet", index.Body.TextContent);
        Assert.DoesNotContain(index.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.Contains("2025-26-Q2", StringComparison.Ordinal));

        foreach (var address in await AddressesOfQ2Async())
        {
            await AssertNotReleasedAsync(address);
        }
    }

    [Fact]
    public async Task Once_released_every_address_shows_the_quarter_and_after_a_withdrawal_none_does()
    {
        var addresses = await AddressesOfQ2Async();
        await _site.ReleaseAsync(Q2);

        var (_, index) = await _site.PageAsync("/published");
        Assert.Equal("Performance scorecards: Quarter 2 2025/26", index.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(NotReleased, index.Body!.TextContent);
        var client = _site.CreateClient();
        foreach (var address in addresses)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(address)).StatusCode);
        }

        var withdrawn = await _site.WithdrawAsync(Q2);

        Assert.True(withdrawn.Changed);
        foreach (var address in addresses)
        {
            await AssertNotReleasedAsync(address);
        }
    }

    [Fact]
    public async Task Releasing_and_withdrawing_are_audited_with_who_and_when_and_doing_either_twice_changes_nothing()
    {
        var first = await _site.ReleaseAsync(Q2);
        var second = await _site.ReleaseAsync(Q2);
        await _site.WithdrawAsync(Q2);
        var withdrawnAgain = await _site.WithdrawAsync(Q2);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal("Alison Pryce", second.ByName);
        Assert.Equal(PublishedSite.DemoDay, second.At);
        Assert.False(withdrawnAgain.Changed);
        await using var db = _site.NewContext();
        var audit = await db.AuditLog.Where(a => a.EntityType == QuarterRelease.AuditEntityType).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([QuarterRelease.ReleasedAction, QuarterRelease.WithdrawnAction], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(("Alison Pryce", PublishedSite.DemoDay), (a.ActorName, a.At)));
        Assert.Contains("2025-26-Q2", audit[0].After);
    }

    [Fact]
    public async Task Only_the_performance_team_may_release_and_a_quarter_not_yet_ended_cannot_be()
    {
        await using var db = _site.NewContext();
        var chair = await db.People.FirstAsync(p => !p.IsPerformanceTeam);

        var notTeam = await Assert.ThrowsAsync<PmfRuleException>(() =>
            _site.UseAsync<ReleaseQuarter, ReleaseQuarter.Outcome>(r => r.ReleaseAsync(chair.Id, Q2)));
        var notEnded = await Assert.ThrowsAsync<PmfRuleException>(() => _site.ReleaseAsync(Period.Quarter(2025, 3)));

        Assert.Equal("Only the performance team can release a quarter for public display or withdraw it.", notTeam.Message);
        Assert.StartsWith("Quarter 3 2025/26 runs until 31 December 2025: it can be released once it has ended", notEnded.Message);
        await using var after = _site.NewContext();
        Assert.Equal(0, await after.QuarterReleases.CountAsync());
        Assert.Equal(0, await after.AuditLog.CountAsync(a => a.EntityType == QuarterRelease.AuditEntityType));
    }

    [Fact]
    public async Task An_amended_ratings_reason_is_public_once_the_quarter_is_released_and_not_before()
    {
        await using var db = _site.NewContext();
        var hr2 = await db.Priorities.SingleAsync(p => p.Code == "HR2");
        var rating = await db.Ratings.SingleAsync(r => r.PriorityId == hr2.Id && r.Period == Q2);
        Assert.Equal(RatingState.Amended, rating.State);
        const string board = "/published/2025-26-Q2/boards/housing-and-regeneration-board";

        var (before, beforePage) = await _site.PageAsync(board);
        var beforeCsv = await (await _site.CreateClient().GetAsync(board + "?format=csv")).Content.ReadAsStringAsync();
        await _site.ReleaseAsync(Q2);
        var (_, afterPage) = await _site.PageAsync(board);
        var (_, _, records) = await _site.CsvAsync(board + ".csv");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.DoesNotContain(rating.ChairComment!, beforePage.Body!.TextContent);
        Assert.DoesNotContain(rating.ChairComment!, beforeCsv);
        Assert.Contains($"The board amended the proposed rating: {rating.ChairComment}", Sections(afterPage).Single(s => s.Code == "HR2").Summary);
        Assert.Contains(records, r => r.Any(field => field.Contains(rating.ChairComment!, StringComparison.Ordinal)));
    }

    /// <summary>Q2's index, and every board's and directorate's page and CSV, as the released index links them (found on a copy).</summary>
    private static async Task<IReadOnlyList<string>> AddressesOfQ2Async()
    {
        await using var released = new PublishedSite(enabled: true);
        var (_, index) = await released.PageAsync("/published/2025-26-Q2");
        var links = index.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!)
            .Where(l => l.StartsWith("/published/2025-26-Q2/", StringComparison.Ordinal)).ToList();
        Assert.Contains(links, l => l.Contains("/boards/", StringComparison.Ordinal) && l.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("/directorates/", StringComparison.Ordinal) && l.EndsWith(".csv", StringComparison.Ordinal));
        return ["/published/2025-26-Q2", .. links, "/published/2025-26-Q2/directorates/ah?format=csv"];
    }

    private async Task AssertNotReleasedAsync(string address)
    {
        var client = _site.CreateClient();
        var response = await client.GetAsync(address);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address} answered {(int)response.StatusCode}");
        Assert.Contains(NotReleased, text);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.ToString());
        Assert.DoesNotContain("<table", text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, address))).StatusCode);
    }
}
