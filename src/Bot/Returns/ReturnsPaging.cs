using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain;
using PmfBot.Domain.Calendar;

namespace PmfBot.Bot.Returns;

/// <summary>
/// <c>card.page</c> for the returns' cards: the shared paging action calls these with the click
/// when <c>cardKind</c> is <c>submitted-card</c> or <c>sign-off-card</c>.
/// </summary>
public static class ReturnsPaging
{
    public static Task<JsonObject> SubmittedCardPageAsync(IServiceProvider services, CardActionRequest request, CancellationToken cancellationToken) =>
        services.GetRequiredService<ReturnCards>().SubmittedCardAsync(request.Person, request.Number("page", 1), Notice.None, cancellationToken);

    public static Task<JsonObject> SignOffCardPageAsync(IServiceProvider services, CardActionRequest request, CancellationToken cancellationToken) =>
        SignOffCardAsync(services, request.Person, request.Id("directorateId"), request.Text("periodKey"), request.Number("page", 1), cancellationToken);

    /// <summary>The sign-off card at a page (also what the scheduler sends the performance lead).</summary>
    public static Task<JsonObject> SignOffCardAsync(
        IServiceProvider services, Domain.People.Person person, Guid directorateId, string periodKey, int page, CancellationToken cancellationToken) =>
        Period.TryParse(periodKey, out var period)
            ? services.GetRequiredService<SignOffCards>()
                .CardAsync(person, directorateId, period, page, Notice.None, SignOffCards.SendBackForm.Empty, cancellationToken)
            : throw new PmfRuleException("This card does not say which period it is for.");
}
