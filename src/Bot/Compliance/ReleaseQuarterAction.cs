using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PmfBot.Bot.Conversation;
using PmfBot.Bot.Publication;
using PmfBot.Bot.Status;
using PmfBot.Domain;
using PmfBot.Domain.Scorecards;

namespace PmfBot.Bot.Compliance;

/// <summary>
/// "Release for public display" on the compliance card (<c>quarter.release</c>): the same use case as
/// "cycle publish". The answer is the compliance card again, with a line saying what happened (or
/// why not), so the card is never lost to a refusal.
/// </summary>
public sealed class ReleaseQuarterAction(ReleaseQuarter release, ComplianceCard compliance, IOptions<PublicationOptions> publication, TimeProvider clock) : ICardAction
{
    public const string Verb = "quarter.release";

    public async Task<JsonNode> HandleAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var quarter = ResultText.QuarterOf(request, clock);
        var directorateId = request.Id("directorateId") is var id && id != Guid.Empty ? id : (Guid?)null;
        ComplianceCard.ReleaseNotice notice;
        try
        {
            var outcome = await release.ReleaseAsync(request.Person.Id, quarter, cancellationToken);
            notice = new(ReleaseAnswers.Released(outcome, publication.Value.Enabled), Refused: false);
        }
        catch (PmfRuleException refused)
        {
            notice = new(refused.Message, Refused: true);
        }

        return await compliance.BuildAsync(directorateId, quarter, 1, cancellationToken, notice);
    }
}
