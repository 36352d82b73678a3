using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Ratings;

namespace PmfBot.Bot.Tests.Ratings;

/// <summary>Steps of the rating journey on HW2 (sent back by the chair in the demo), shared by the SQLite and PostgreSQL tests.</summary>
internal sealed class RatingJourney(ConversationBot bot)
{
    public const string PeriodKey = "2025-26-Q2";

    public const string Priority = "HW2";

    /// <summary>HW2's lead officer (its rating was sent back by the chair in the demo).</summary>
    public static DemoPerson Lead { get; } = DemoCouncil.People.All.Single(p => p.Name == "Shona Barraclough");

    public static DemoPerson Chair => DemoCouncil.People.Chair;

    public async Task<PriorityRating> RatingAsync()
    {
        await using var db = bot.NewContext();
        return await db.Ratings.AsNoTracking().Include(r => r.Priority)
            .SingleAsync(r => r.Priority.Code == Priority && r.Period == Domain.Calendar.Period.Parse(PeriodKey));
    }

    public async Task<JsonObject> DataAsync(string? version = null)
    {
        var rating = await RatingAsync();
        return new JsonObject
        {
            ["cardKind"] = "approval-card",
            ["priorityId"] = rating.PriorityId.ToString(),
            ["periodKey"] = PeriodKey,
            ["version"] = version ?? rating.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<JsonObject> ProposeAsync(string rating = "Amber", string summary = "Delays in arranging care at home are down by a third since the new provider started; we propose amber.")
    {
        var data = await DataAsync();
        data["cardKind"] = "rating-proposal-card";
        data["rating"] = rating;
        data["summary"] = summary;
        return ConversationBot.CardOf(await bot.ClickAsync(Lead, "rating.propose", data));
    }

    public async Task<JsonObject> ClickAsync(DemoPerson person, string verb, JsonObject? inputs = null, string? version = null)
    {
        var data = await DataAsync(version);
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return ConversationBot.CardOf(await bot.ClickAsync(person, verb, data));
    }

    public static bool HasVerb(JsonNode? node, string verb) => node switch
    {
        JsonObject obj => (obj["verb"] is JsonValue v && v.GetValue<string>() == verb) || obj.Any(p => HasVerb(p.Value, verb)),
        JsonArray array => array.Any(item => HasVerb(item, verb)),
        _ => false,
    };
}
