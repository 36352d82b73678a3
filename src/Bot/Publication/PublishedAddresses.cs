using System.Globalization;
using System.Text;
using PmfBot.Domain.Calendar;

namespace PmfBot.Bot.Publication;

/// <summary>
/// Where the published pages live: <c>/published/2025-26-Q2/boards/health-and-wellbeing-board</c>
/// and <c>/published/2025-26-Q2/directorates/ah</c>, with a <c>.csv</c> twin. Boards are named by
/// a slug of their name, directorates by their code; both also answer to their id.
/// </summary>
public static class PublishedAddresses
{
    public const string Root = "/published";

    public const string CsvSuffix = ".csv";

    public static string Index(Period? quarter = null) => quarter is { } q ? $"{Root}/{q.Key}" : Root;

    public static string Board(Period quarter, string slug, bool csv = false) => $"{Root}/{quarter.Key}/boards/{slug}{(csv ? CsvSuffix : "")}";

    public static string Directorate(Period quarter, string slug, bool csv = false) => $"{Root}/{quarter.Key}/directorates/{slug}{(csv ? CsvSuffix : "")}";

    /// <summary>
    /// One slug per item, unique among them: lower-case letters and digits joined by hyphens.
    /// Items whose names make the same slug are told apart by the start of their id.
    /// </summary>
    public static IReadOnlyDictionary<Guid, string> Slugs<T>(IEnumerable<T> items, Func<T, Guid> id, Func<T, string> name)
    {
        var named = items.Select(item => (Id: id(item), Slug: Slug(name(item)))).ToList();
        var clashes = named.GroupBy(n => n.Slug).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return named.ToDictionary(
            n => n.Id,
            n => n.Slug.Length == 0 ? n.Id.ToString("N") : clashes.Contains(n.Slug) ? $"{n.Slug}-{n.Id.ToString("N")[..8]}" : n.Slug);
    }

    /// <summary>The item a request names, by slug (any case) or by id; null when none.</summary>
    public static T? Find<T>(IEnumerable<T> items, IReadOnlyDictionary<Guid, string> slugs, Func<T, Guid> id, string requested)
        where T : class =>
        items.FirstOrDefault(item =>
            string.Equals(slugs[id(item)], requested, StringComparison.OrdinalIgnoreCase)
            || (Guid.TryParse(requested, out var asId) && asId == id(item)));

    /// <summary>"Children's Trust Board" → "childrens-trust-board".</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
