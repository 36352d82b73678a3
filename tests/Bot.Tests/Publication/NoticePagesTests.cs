using System.Net;
using PmfBot.Bot.Tests.Publication.Support;

namespace PmfBot.Bot.Tests.Publication;

/// <summary>
/// The council's privacy notice and terms of use, which the Teams app package links to: served at
/// /privacy and /terms from the text or file the council configures, with publication off as well.
/// </summary>
public sealed class NoticePagesTests : IDisposable
{
    private readonly string _terms = Path.Combine(Path.GetTempPath(), $"pmf-terms-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_terms);

    [Fact]
    public async Task The_privacy_notice_and_terms_are_served_from_the_configured_text_and_file_as_text_in_paragraphs()
    {
        await File.WriteAllTextAsync(_terms, "Use PmfBot for council business only.\r\n\r\nRecords are kept for six years.");
        await using var site = new PublishedSite(enabled: false, settings: new()
        {
            ["Notices:PrivacyText"] = "Northbridge City Council uses your name and email <b>to chase returns</b>.\n\nContact dpo@northbridge.gov.uk.",
            ["Notices:TermsFile"] = _terms,
            ["Publication:CouncilName"] = "Northbridge City Council",
        });

        var (privacyResponse, privacy) = await site.PageAsync("/privacy");
        var (termsResponse, terms) = await site.PageAsync("/terms");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (privacyResponse.StatusCode, termsResponse.StatusCode));
        Assert.Equal("Privacy notice", privacy.QuerySelector("h1")!.TextContent);
        Assert.Equal("Northbridge City Council", privacy.QuerySelector(".council")!.TextContent);
        Assert.Equal(
            ["Northbridge City Council uses your name and email <b>to chase returns</b>.", "Contact dpo@northbridge.gov.uk."],
            privacy.QuerySelectorAll("main p").Select(p => p.TextContent));
        Assert.Null(privacy.QuerySelector("main b"));
        Assert.Equal(["Use PmfBot for council business only.", "Records are kept for six years."], terms.QuerySelectorAll("main p").Select(p => p.TextContent));
        Assert.Equal("Terms of use", terms.QuerySelector("h1")!.TextContent);
        Assert.NotNull(privacyResponse.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task An_address_the_council_has_not_configured_answers_404_saying_so()
    {
        await using var site = new PublishedSite(enabled: false, settings: new() { ["Notices:PrivacyText"] = "Privacy words." });

        var (response, page) = await site.PageAsync("/terms");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This council has not provided its terms of use for PmfBot at this address.", page.Body!.TextContent);
        Assert.Contains("Notices:TermsText or Notices:TermsFile", page.Body.TextContent);
    }

    [Theory]
    [InlineData("Notices:PrivacyFile", "/no/such/privacy.txt", "Notices:PrivacyFile names /no/such/privacy.txt, which does not exist.")]
    [InlineData("Notices:TermsText", "both", "Notices:TermsText and Notices:TermsFile are both set")]
    public async Task A_notice_that_cannot_be_served_stops_the_host_at_start_with_the_setting_named(string key, string value, string expected)
    {
        await File.WriteAllTextAsync(_terms, "Terms.");
        var settings = new Dictionary<string, string?> { [key] = value };
        if (value == "both")
        {
            settings[key] = "Terms as text.";
            settings["Notices:TermsFile"] = _terms;
        }

        await using var site = new PublishedSite(enabled: false, settings: settings);

        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(expected, failure.ToString());
    }
}
