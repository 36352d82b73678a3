using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmfBot.Bot.Returns;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.Demo;
using PmfBot.Domain.Returns;

namespace PmfBot.Bot.Tests.Returns;

/// <summary>Clicks on return and sign-off cards as Teams sends them: the action's data merged with typed inputs.</summary>
internal static class ReturnsScenario
{
    public const string Commentary = "Visits rose after the new timetable started in August. We will keep the longer opening hours through the winter.";

    /// <summary>The data of the first button with this verb anywhere on the card (a copy).</summary>
    public static JsonObject DataOf(JsonNode card, string verb) =>
        Find(card, verb)?["data"]?.DeepClone().AsObject() ?? throw new InvalidOperationException($"No {verb} button on the card: {card.ToJsonString()}");

    public static bool HasButton(JsonNode card, string verb) => Find(card, verb) is not null;

    public static IReadOnlyList<string> ReturnIds(JsonObject data) =>
        data["returns"]!.AsArray().Select(r => r!["returnId"]!.GetValue<string>()).ToList();

    /// <summary>Types a full, valid answer for a return.</summary>
    public static JsonObject Answer(this JsonObject data, string returnId, string value = "31,500", string commentary = Commentary) =>
        data.Type(returnId, ("value", value), ("commentary", commentary), ("actionsDelivered", "Longer opening hours."), ("actionsPlanned", "Winter timetable."));

    public static JsonObject Type(this JsonObject data, string returnId, params (string Field, string Value)[] inputs)
    {
        foreach (var (field, value) in inputs)
        {
            data[$"{returnId}.{field}"] = value;
        }

        return data;
    }

    public static async Task<JsonObject> MyReturnsAsync(this ConversationBot bot, DemoPerson person) =>
        Assert.Single(await bot.SayAsync(person, "my returns"));

    public static async Task<JsonObject> CardAfterAsync(this ConversationBot bot, DemoPerson person, string verb, JsonObject data) =>
        ConversationBot.CardOf(await bot.ClickAsync(person, verb, data));

    public static async Task<(int Version, int AuditLines, ReturnState State)> SavedAsync(this ConversationBot bot, string returnId)
    {
        await using var db = bot.NewContext();
        var id = Guid.Parse(returnId);
        var ret = await db.Returns.AsNoTracking().SingleAsync(r => r.Id == id);
        var lines = await db.AuditLog.CountAsync(a => a.EntityId == id);
        return (ret.Version, lines, ret.State);
    }

    public static async Task<JsonObject> SignOffCardAsync(this ConversationBot bot, DemoPerson person, string directorateName = "Adults and Health")
    {
        await using var db = bot.NewContext();
        var directorate = await db.Directorates.AsNoTracking().SingleAsync(d => d.Name == directorateName);
        var who = await db.People.AsNoTracking().SingleAsync(p => p.EntraObjectId == person.EntraObjectId);
        using var scope = bot.Services.CreateScope();
        return await ReturnsPaging.SignOffCardAsync(scope.ServiceProvider, who, directorate.Id, "2025-26-Q2", 1, CancellationToken.None);
    }

    private static JsonNode? Find(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["verb"] is JsonValue v && v.GetValue<string>() == verb => o,
        JsonObject o => o.Select(p => Find(p.Value, verb)).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select(i => Find(i, verb)).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
