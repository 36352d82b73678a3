using PmfBot.Domain.Search;

namespace PmfBot.Bot.Conversation;

/// <summary>
/// The chat commands the features registered (<see cref="ConversationRegistration.AddCommand{THandler}"/>),
/// in help's order: by audience, then alphabetically.
/// </summary>
public sealed class CommandRoutes(IEnumerable<CommandRoute> registered)
{
    public IReadOnlyList<CommandRoute> All { get; } = registered
        .OrderBy(r => r.Help.Audience)
        .ThenBy(r => r.Words, StringComparer.Ordinal)
        .ToList();

    /// <summary>The longest command whose words start the text, and what follows them.</summary>
    public (CommandRoute? Route, string Argument) Match(string text)
    {
        var normalised = FuzzyMatch.Normalise(text);
        foreach (var route in All.OrderByDescending(r => r.Words.Length))
        {
            if (normalised == route.Words || normalised.StartsWith(route.Words + " ", StringComparison.Ordinal))
            {
                var words = route.Words.Split(' ').Length;
                var original = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return (route, string.Join(' ', original.Skip(words)));
            }
        }

        return (null, text.Trim());
    }

    /// <summary>"stauts CPP-C1" is close to "status CPP-C1": say so rather than just showing help.</summary>
    public string? Suggest(string text)
    {
        var typed = FuzzyMatch.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var route in All)
        {
            var count = route.Words.Split(' ').Length;
            if (typed.Length < count)
            {
                continue;
            }

            var head = string.Join(' ', typed.Take(count));
            if (head.Length >= 3 && FuzzyMatch.Distance(head, route.Words) <= 2)
            {
                var rest = string.Join(' ', text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(count));
                return rest.Length == 0 ? route.Words : $"{route.Words} {rest}";
            }
        }

        return null;
    }
}
