using System.Text.Json.Nodes;
using PmfBot.Bot.Cards;
using PmfBot.Bot.Conversation;
using PmfBot.Domain.Calendar;
using PmfBot.Domain.PlainEnglish;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Returns;

/// <summary>"my returns": every return the speaker may answer that is still open, on one card.</summary>
public sealed class MyReturnsCommand(
    PmfDbContext db, CardRenderer renderer, TimeProvider clock, PlainEnglishCheck plainEnglish, ReturnCalendar calendar, MessageCards messages)
    : ICommand
{
    private readonly ReturnCards _cards = new(db, renderer, clock, plainEnglish, calendar);

    public async Task<JsonObject> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        request.Person is null
            ? messages.NotKnown()
            : await _cards.ForPersonAsync(request.Person, 1, Notice.None, cancellationToken);
}
