using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.Tests.SelfAssessments;

public sealed class SelfAssessmentTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    [Fact]
    public async Task The_director_saves_the_self_assessment_and_the_card_says_who_saved_it()
    {
        var (directorateId, before) = await AssessmentAsync();

        var card = await SaveAsync(DemoCouncil.People.Director, directorateId, before.Version, "Home care turnover is still the main concern. <b>Two</b> care homes need support.");

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Self assessment saved at", text);
        Assert.Contains("Last saved by Martin Greaves on 24 Nov 2025 at 10:00.", text);
        var (_, after) = await AssessmentAsync();
        Assert.Equal(("Home care turnover is still the main concern. <b>Two</b> care homes need support.", before.Version + 1), (after.Concerns, after.Version));
    }

    [Fact]
    public async Task Too_long_concerns_get_the_error_beside_the_field_and_nothing_is_saved()
    {
        var (directorateId, before) = await AssessmentAsync();

        var card = await SaveAsync(DemoCouncil.People.Director, directorateId, before.Version, new string('x', SelfAssessment.MaxLength + 1));

        var text = ConversationBot.TextOf(card);
        Assert.Contains($"Please keep the self assessment under {SelfAssessment.MaxLength} characters.", text);
        Assert.Contains("Nothing was saved", text);
        Assert.Equal(before.Version, (await AssessmentAsync()).Assessment.Version);
    }

    [Fact]
    public async Task A_stale_card_or_someone_else_changes_nothing()
    {
        var (directorateId, before) = await AssessmentAsync();

        var stale = await SaveAsync(DemoCouncil.People.Director, directorateId, before.Version - 1, "New concerns.");
        var refused = await SaveAsync(DemoCouncil.People.Owner, directorateId, before.Version, "New concerns.");

        Assert.Contains("This card was out of date", ConversationBot.TextOf(stale));
        Assert.Contains("Only Adults and Health's director or performance lead can write its self assessment.", ConversationBot.TextOf(refused));
        Assert.Equal(before.Version, (await AssessmentAsync()).Assessment.Version);
    }

    private async Task<(Guid DirectorateId, SelfAssessment Assessment)> AssessmentAsync()
    {
        await using var db = Bot.NewContext();
        var directorate = await db.Directorates.AsNoTracking().SingleAsync(d => d.Code == "AH");
        var period = Period.Parse("2025-26-Q2");
        return (directorate.Id, await db.SelfAssessments.AsNoTracking().SingleAsync(s => s.DirectorateId == directorate.Id && s.Period == period));
    }

    private async Task<JsonObject> SaveAsync(DemoPerson person, Guid directorateId, int version, string concerns) =>
        ConversationBot.CardOf(await Bot.ClickAsync(person, "selfAssessment.save", new JsonObject
        {
            ["cardKind"] = "self-assessment-card",
            ["directorateId"] = directorateId.ToString(),
            ["periodKey"] = "2025-26-Q2",
            ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["concerns"] = concerns,
        }));
}
