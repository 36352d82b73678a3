using Microsoft.EntityFrameworkCore;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Linking;
using PmfBot.Bot.Status;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain.Search;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.MessageExtensions;

/// <summary>
/// The search message extension (<c>composeExtension/query</c>): a priority's code or words, typos
/// forgiven as <c>status</c> forgives them, list the matching priorities; the one picked is inserted as
/// its status card (the same card, buttons and all, that <c>status</c> answers). Only people PmfBot knows
/// may search, as with <c>status</c>. Nothing typed, nothing matched or a failure get a plain message.
/// </summary>
public sealed class SearchPriorities(
    Speaker speaker, UnknownSpeaker unknown, FindPriority find, StatusCard status, PmfDbContext db, TimeProvider clock, ILogger<SearchPriorities> logger)
    : IInvokeHandler
{
    public const string InvokeName = "composeExtension/query";

    /// <summary>The command's id in manifest/manifest.json (<c>composeExtensions[0].commands</c>).</summary>
    public const string CommandId = "searchPriorities";

    public const string Hint = "Type a priority's code or a few words from its title, for example HW1 or temporary accommodation.";


    public async Task<InvokeResponse> HandleAsync(TurnContext<InvokeActivity> turn, CancellationToken cancellationToken)
    {
        var query = SearchQuery.From(turn.Activity.Value);
        if (!string.IsNullOrEmpty(query.CommandId) && !string.Equals(query.CommandId, CommandId, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Search for unknown command {CommandId}", query.CommandId);
            return ComposeExtensionResult.Message("PmfBot does not know this search. Update the app, or search for a priority by its code or title.");
        }

        try
        {
            if (await speaker.FindAsync(turn.Activity, cancellationToken) is null)
            {
                var reason = unknown.Reason;
                return ComposeExtensionResult.Message(reason is null
                    ? "PmfBot does not know you yet: your Teams account is not linked to anyone in the performance framework. Ask the performance team to add you to the single data list."
                    : $"{reason.Title}: {reason.Text}");
            }

            if (query.Text.Length == 0)
            {
                return ComposeExtensionResult.Message(Hint);
            }

            var ranked = await find.RankedPrioritiesAsync(query.Text, cancellationToken);
            if (ranked.Count == 0)
            {
                return ComposeExtensionResult.Message($"No priority matches \"{Shorten(query.Text)}\". {Hint}");
            }

            var page = ranked.Skip(query.Skip).Take(query.Count).ToList();
            if (page.Count == 0)
            {
                // Past the last result: an empty page tells Teams the list has ended.
                return ComposeExtensionResult.Empty();
            }

            var quarter = ResultText.CurrentQuarter(clock);
            var ids = page.Select(p => p.Id).ToList();
            var boardIds = page.Select(p => p.BoardId).Distinct().ToList();
            var ratings = await db.Ratings.AsNoTracking().Where(r => ids.Contains(r.PriorityId) && r.Period == quarter).ToListAsync(cancellationToken);
            var boards = await db.Boards.AsNoTracking().Where(b => boardIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
            var items = new List<ComposeExtensionResult.Item>();
            foreach (var priority in page)
            {
                var rating = ratings.FirstOrDefault(r => r.PriorityId == priority.Id);
                var card = await status.BuildAsync(priority.Id, quarter, 1, cancellationToken);
                items.Add(new ComposeExtensionResult.Item(
                    card,
                    Attachment.AdaptiveCardContentType,
                    new ComposeExtensionResult.Preview(
                        $"{priority.Code}: {priority.Title}",
                        boards.GetValueOrDefault(priority.BoardId, ""),
                        $"{quarter.Label}: {StatusCard.RatingBadge(rating).Label}, {StatusCard.StateText(rating, chairName: null)}")));
            }

            return ComposeExtensionResult.Results(items);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Searching priorities for {Text} failed", Shorten(query.Text));
            return ComposeExtensionResult.Message("PmfBot could not search just now. Please try again in a minute.");
        }
    }

    private static string Shorten(string typed) => typed.Length > 60 ? typed[..60] + "…" : typed;
}
