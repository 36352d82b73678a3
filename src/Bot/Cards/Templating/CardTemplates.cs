using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>
/// The card templates of a folder, parsed once: every <c>name.json</c> except the data files that sit beside
/// them (<c>name.sample.json</c>, <c>name.large.json</c>, <c>name.errors.json</c>: a name with a dot is data).
/// Read-only after loading, so safe to share.
/// </summary>
public sealed class CardTemplates
{
    private readonly FrozenDictionary<string, CardTemplate> _templates;

    private CardTemplates(FrozenDictionary<string, CardTemplate> templates) => _templates = templates;

    public IReadOnlyCollection<string> Names => _templates.Keys;

    public CardTemplate this[string name] => TryGet(name, out var template)
        ? template
        : throw new KeyNotFoundException($"No card template '{name}'. Known: {string.Join(", ", _templates.Keys.Order())}.");

    /// <summary>Loads every template in the folder; fails on the first template that does not parse.</summary>
    public static CardTemplates LoadDirectory(string directory)
    {
        var templates = Directory.EnumerateFiles(directory, "*.json")
            .Where(path => !IsDataFile(path))
            .Select(CardTemplate.Load)
            .ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        return new CardTemplates(templates);
    }

    /// <summary>Whether a file beside the templates holds data for one (name.variant.json).</summary>
    public static bool IsDataFile(string path) => Path.GetFileNameWithoutExtension(path).Contains('.');

    public bool TryGet(string name, [MaybeNullWhen(false)] out CardTemplate template) =>
        _templates.TryGetValue(name, out template);
}
