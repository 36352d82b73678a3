using PmfBot.Bot.Cards;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Status;
using PmfBot.Bot.Teams.Activities;
using PmfBot.Bot.Teams.Messaging;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.MessageExtensions;

/// <summary>
/// Link unfurling (<c>composeExtension/queryLink</c>) for the published scorecard addresses
/// (<see cref="PublishedAddresses"/>): a board's or a directorate's scorecard for a quarter becomes a
/// thumbnail card saying what the page says (only what is published: the domain's rules), with a button
/// to open it. Any other address on PmfBot's domain, one naming a board, directorate or quarter with
/// nothing published, or publication switched off, gets an empty result: Teams leaves the link as pasted.
/// </summary>
public sealed class UnfurlScorecardLink(PublishedScorecards scorecards, IOptions<PublicationOptions> publication, ILogger<UnfurlScorecardLink> logger)
    : IInvokeHandler
{
    public const string InvokeName = "composeExtension/queryLink";


    public async Task<InvokeResponse> HandleAsync(TurnContext<InvokeActivity> turn, CancellationToken cancellationToken)
    {
        var url = turn.Activity.Value?["url"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (!publication.Value.Enabled || ScorecardAddress.Parse(url) is not { } address)
        {
            logger.LogInformation("Not unfurling {Url}: not a published scorecard address, or publication is off", Shorten(url));
            return ComposeExtensionResult.Empty();
        }

        try
        {
            var preview = await PreviewAsync(address, url!, cancellationToken);
            if (preview is null)
            {
                logger.LogInformation("Not unfurling {Url}: nothing is published there", Shorten(url));
                return ComposeExtensionResult.Empty();
            }

            return ComposeExtensionResult.Results([new ComposeExtensionResult.Item(ComposeExtensionResult.Thumbnail(preview), ComposeExtensionResult.ThumbnailCardType, preview)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The link stays a plain link; the failure is for the logs, not for the person pasting it.
            logger.LogError(ex, "Unfurling {Url} failed", Shorten(url));
            return ComposeExtensionResult.Empty();
        }
    }

    private async Task<ComposeExtensionResult.Preview?> PreviewAsync(ScorecardAddress address, string url, CancellationToken cancellationToken)
    {
        var contents = await scorecards.ContentsAsync(cancellationToken);
        if (!contents.Quarters.Contains(address.Quarter))
        {
            return null;
        }

        var council = publication.Value.CouncilName;
        var period = PublishedWords.PeriodName(address.Quarter);
        if (address.IsBoard)
        {
            var slugs = PublishedAddresses.Slugs(contents.Boards, b => b.Id, b => b.Name);
            var board = PublishedAddresses.Find(contents.Boards, slugs, b => b.Id, address.Name);
            if (board is null || await scorecards.BoardAsync(board.Id, address.Quarter, cancellationToken) is not { } view)
            {
                return null;
            }

            var ratings = view.Priorities.Select(p => p.Priority.Rating).ToList();
            var results = view.Priorities.SelectMany(p => p.Indicators).ToList();
            return new ComposeExtensionResult.Preview(
                $"{view.Board.Name}: scorecard for {period}",
                Subtitle(council, $"Chair: {view.ChairName}"),
                $"{Ratings(ratings)} {Indicators(results)}",
                url,
                "Open the scorecard");
        }

        var directorateSlugs = PublishedAddresses.Slugs(contents.Directorates, d => d.Id, d => d.Code);
        var directorate = PublishedAddresses.Find(contents.Directorates, directorateSlugs, d => d.Id, address.Name);
        if (directorate is null || await scorecards.DirectorateAsync(directorate.Id, address.Quarter, cancellationToken) is not { } directorateView)
        {
            return null;
        }

        return new ComposeExtensionResult.Preview(
            $"{directorateView.Directorate.Name}: scorecard for {period}",
            Subtitle(council, directorateView.DirectorName is { Length: > 0 } director ? $"Director: {director}" : ""),
            $"{Ratings(directorateView.Priorities.Select(p => p.Rating).ToList())} {Indicators(directorateView.Indicators)}",
            url,
            "Open the scorecard");
    }

    private static string Subtitle(string council, string who) =>
        string.Join(" · ", new[] { council, who }.Where(s => s.Length > 0));

    /// <summary>"4 priorities: 2 green, 1 amber; 1 awaiting the board's decision."</summary>
    private static string Ratings(IReadOnlyList<PublishedRating> ratings)
    {
        var decided = ratings.Where(r => r.IsDecided && r.Rag is not null).Select(r => r.Rag!.Value).ToList();
        var waiting = ratings.Count - decided.Count;
        var counts = string.Join(", ", decided.GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{g.Count()} {PublishedWords.RagName(g.Key).ToLowerInvariant()}"));
        return $"{CardText.Plural(ratings.Count, "priority", "priorities")}{(counts.Length > 0 ? ": " + counts : "")}"
            + (waiting > 0 ? $"; {waiting} awaiting the board's decision." : ".");
    }

    /// <summary>"12 indicators published: 6 green, 3 amber, 2 red, 1 no data; 3 not yet published."</summary>
    private static string Indicators(IReadOnlyList<PublishedResult> results)
    {
        var published = results.Where(r => r.IsPublished).Select(r => r.Result.Rag).ToList();
        var notYet = results.Count - published.Count;
        return $"{ResultText.RagCounts(published)}" + (notYet > 0 ? $"; {notYet} not yet published." : ".");
    }

    private static string Shorten(string? url) => url is null ? "(no url)" : url.Length > 120 ? url[..120] + "…" : url;
}
