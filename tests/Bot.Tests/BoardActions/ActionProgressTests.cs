using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Tests.Support;
using PmfBot.Domain.BoardActions;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.Demo;

namespace PmfBot.Bot.Tests.BoardActions;

public sealed class ActionProgressTests(SharedDemoBot shared) : SharedDemoBotTests(shared)
{
    private static readonly DemoPerson ActionOwner = DemoCouncil.People.All.Single(p => p.Name == "Mark Phelan");

    [Fact]
    public async Task The_owner_records_the_quarters_progress_and_it_is_saved_and_audited()
    {
        var action = await ActionAsync();

        var card = await ClickAsync(ActionOwner, action, "Delayed", "Waiting for the hospital's discharge data; the report moves to March.");

        Assert.Contains("Progress for Q2 2025/26 saved at", ConversationBot.TextOf(card));
        var after = await ActionAsync();
        Assert.Equal((ActionStatus.Delayed, action.Version + 1), (after.Status, after.Version));
        Assert.Equal("Waiting for the hospital's discharge data; the report moves to March.", after.Progress.Single(p => p.Period == Period.Parse("2025-26-Q2")).Note);
        await using var db = Bot.NewContext();
        Assert.Equal(ActionOwner.Name, (await db.AuditLog.Where(a => a.EntityId == action.Id).OrderByDescending(a => a.Id).FirstAsync()).ActorName);
    }

    [Fact]
    public async Task Missing_status_and_note_get_errors_beside_the_fields_and_nothing_is_saved()
    {
        var action = await ActionAsync();

        var card = await ClickAsync(ActionOwner, action, "", "   ");

        var text = ConversationBot.TextOf(card);
        Assert.Contains("Choose how the action stands", text);
        Assert.Contains("Add a short note on progress.", text);
        Assert.Contains("Nothing was saved", text);
        Assert.Equal(action.Version, (await ActionAsync()).Version);
    }

    [Fact]
    public async Task Someone_else_is_refused_and_a_stale_card_changes_nothing()
    {
        var action = await ActionAsync();

        var refused = await ClickAsync(DemoCouncil.People.Owner, action, "Complete", "Done.");
        var stale = await ClickAsync(ActionOwner, action, "Complete", "Done.", version: action.Version - 1);

        Assert.Contains("Only the action's owner can report its progress.", ConversationBot.TextOf(refused));
        Assert.Contains("This card was out of date", ConversationBot.TextOf(stale));
        Assert.Equal(action.Version, (await ActionAsync()).Version);
    }

    private async Task<BoardAction> ActionAsync()
    {
        await using var db = Bot.NewContext();
        return await db.BoardActions.AsNoTracking().Include(a => a.Progress).SingleAsync(a => a.Title.StartsWith("Report on the causes of delayed transfers"));
    }

    private async Task<JsonObject> ClickAsync(DemoPerson person, BoardAction action, string status, string note, int? version = null) =>
        ConversationBot.CardOf(await Bot.ClickAsync(person, "action.progress", new JsonObject
        {
            ["cardKind"] = "action-progress-card",
            ["actionId"] = action.Id.ToString(),
            ["periodKey"] = "2025-26-Q2",
            ["version"] = (version ?? action.Version).ToString(CultureInfo.InvariantCulture),
            ["status"] = status,
            ["note"] = note,
        }));
}
