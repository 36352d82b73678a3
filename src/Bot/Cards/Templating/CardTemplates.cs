using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace PmfBot.Bot.Cards.Templating;

/// <summary>
/// The card templates of a folder, parsed once: every <c>name.json</c> except the data files that sit beside
/// them (<c>name.sample.json</c>, <c>name.large.json</c>). Read-only after loading, so safe to share.
/// </summary>
public sealed class CardTemplates
{
    private static readonly string[] DataFileSuffixes = [".sample.json", ".large.json"];

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

    /// <summary>Whether a file beside the templates holds data for one (name.sample.json, name.large.json).</summary>
    public static bool IsDataFile(string path) =>
        DataFileSuffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    public bool TryGet(string name, [MaybeNullWhen(false)] out CardTemplate template) =>
        _templates.TryGetValue(name, out template);
}
