using System.Net;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Tests.Publication.Support;

namespace PmfBot.Bot.Tests.Publication;

public sealed class PublicationSwitchTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public async Task Publication_is_off_unless_switched_on_and_its_addresses_answer_404(bool? enabled)
    {
        await using var site = new PublishedSite(enabled);
        var client = site.CreateClient();

        foreach (var address in new[] { "/published", "/published/2025-26-Q2", "/published/2025-26-Q2/boards/health-and-wellbeing-board", "/published/2025-26-Q2/directorates/ah.csv" })
        {
            var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Switched_on_the_index_answers()
    {
        await using var site = new PublishedSite(enabled: true);

        var (response, page) = await site.PageAsync("/published");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Performance scorecards: Quarter 2 2025/26", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_council_name_on_more_than_one_line_stops_the_host_at_start_with_the_setting_named()
    {
        await using var site = new PublishedSite(enabled: true, settings: new() { ["Publication:CouncilName"] = "Northbridge\nCity Council" });

        var failure = Assert.Throws<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("Publication:CouncilName", failure.Message);
    }
}
