using System.Net;
using System.Security.Cryptography;
using System.Text;
using PmfBot.Bot.Tests.Publication.Support;

namespace PmfBot.Bot.Tests.Publication;

/// <summary>What the published addresses answer when they are wrong, and the headers every answer carries.</summary>
public sealed class PublishedAddressTests(SqliteSiteFixture fixture) : IClassFixture<SqliteSiteFixture>
{
    private PublishedSite Site => fixture.Site;

    [Theory]
    [InlineData("/published/2025-26-Q2/boards/no-such-board", "There is no board at “no-such-board”")]
    [InlineData("/published/2025-26-Q2/boards/scrutiny-board-strategy-and-resources", "Boards that only scrutinise have none")]
    [InlineData("/published/2025-26-Q2/directorates/zz.csv", "There is no directorate with the code “zz”")]
    [InlineData("/published/2025-26-Q3/boards/health-and-wellbeing-board", "Nothing has been published for Quarter 3 2025/26")]
    [InlineData("/published/2019-20-Q1", "Nothing has been published for Quarter 1 2019/20")]
    [InlineData("/published/2025-26-Q2/wards/headingley", "There is no published page at this address")]
    public async Task An_address_with_nothing_behind_it_gets_a_plain_404_page(string address, string message)
    {
        var (response, page) = await Site.PageAsync(address);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(message, page.QuerySelector("main")!.TextContent);
        Assert.Equal("/published", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/published/2025-26-Q7/boards/health-and-wellbeing-board", "“2025-26-Q7” is not a quarter")]
    [InlineData("/published/Q2-2025/directorates/ah", "for example 2025-26-Q2 for Quarter 2 2025/26")]
    [InlineData("/published/2025-26-M07/boards/health-and-wellbeing-board", "October 2025 is not a quarter: scorecards are published by quarter, for example 2025-26-Q3")]
    [InlineData("/published/2025-26/directorates/ah", "2025/26 is not a quarter")]
    [InlineData("/published/2025-26-Q2/boards/health-and-wellbeing-board?format=pdf", "“pdf” is not a format")]
    [InlineData("/published/2025-26-Q2/boards/health-and-wellbeing-board.csv?format=html", "“html” is not a format")]
    public async Task A_malformed_quarter_or_format_gets_a_400_page_that_says_how_to_write_it(string address, string message)
    {
        var (response, page) = await Site.PageAsync(address);
        var body = page.QuerySelector("main")!.TextContent;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at PmfBot", body);
    }

    [Fact]
    public async Task What_was_typed_is_echoed_as_text_never_as_markup()
    {
        var (response, page) = await Site.PageAsync("/published/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%3Cscript%3E/boards/x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("img, script"));
        Assert.Contains("“<img src=x onerror=alert(1)><script>” is not a quarter", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_board_answers_to_its_slug_in_any_case_and_to_its_id()
    {
        var bySlug = await Site.CreateClient().GetStringAsync("/published/2025-26-Q2/boards/Health-And-Wellbeing-Board");
        Guid id;
        await using (var db = Site.NewContext())
        {
            id = db.Boards.Single(b => b.Name == "Health and Wellbeing Board").Id;
        }

        var byId = await Site.CreateClient().GetStringAsync($"/published/2025-26-Q2/boards/{id}");

        Assert.Equal(bySlug, byId);
        Assert.Contains("<h1>Health and Wellbeing Board</h1>", bySlug);
    }

    [Theory]
    [InlineData("/published")]
    [InlineData("/published/2025-26-Q2/boards/best-council-board")]
    [InlineData("/published/2025-26-Q2/directorates/ah.csv")]
    [InlineData("/published/2025-26-Q9/boards/best-council-board")]
    [InlineData("/published/nowhere/at/all")]
    public async Task Every_answer_carries_the_security_headers(string address)
    {
        var response = await Site.CreateClient().GetAsync(address);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Fact]
    public async Task The_style_sheet_hash_in_the_policy_is_the_hash_of_the_pages_style_sheet()
    {
        var response = await Site.CreateClient().GetAsync("/published/2025-26-Q2/boards/best-council-board");
        var html = await response.Content.ReadAsStringAsync();

        var start = html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        var style = html[start..html.IndexOf("</style>", start, StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src 'sha256-{hash}'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task The_pages_are_read_only_get_and_head_answer_and_a_post_is_refused()
    {
        var client = Site.CreateClient();
        const string address = "/published/2025-26-Q2/boards/best-council-board";

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, address));
        var post = await client.PostAsync(address, new StringContent("rating=Green"));
        var delete = await client.DeleteAsync(address);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Fact]
    public async Task The_index_lists_the_latest_quarter_with_its_boards_and_directorates_and_links_to_earlier_quarters()
    {
        var (_, page) = await Site.PageAsync("/published");

        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(6 * 2, links.Count(l => l.StartsWith("/published/2025-26-Q2/boards/", StringComparison.Ordinal)));
        Assert.Equal(5 * 2, links.Count(l => l.StartsWith("/published/2025-26-Q2/directorates/", StringComparison.Ordinal)));
        Assert.Contains("/published/2025-26-Q1", links);
        Assert.DoesNotContain(links, l => l.Contains("scrutiny", StringComparison.Ordinal) || l.Contains("2025-26-Q3", StringComparison.Ordinal));
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await Site.CreateClient().GetAsync(link)).StatusCode);
        }
    }
}
