using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.People;
using PmfBot.Domain.Priorities;
using PmfBot.Domain.Storage;

namespace PmfBot.Domain.Import;

/// <summary>
/// The priorities and people the action and risk files point at: both must already be known
/// to PmfBot (from the single data list), and an unknown one is a problem on its line.
/// </summary>
internal sealed class KnownThings
{
    private readonly Dictionary<string, Priority> _priorities;
    private readonly Dictionary<string, Person> _people;

    private KnownThings(Dictionary<string, Priority> priorities, Dictionary<string, Person> people)
    {
        _priorities = priorities;
        _people = people;
    }

    public IReadOnlyDictionary<Guid, Person> PeopleById => _people.Values.ToDictionary(p => p.Id);

    public static async Task<KnownThings> LoadAsync(PmfDbContext db, CancellationToken cancellationToken) => new(
        (await db.Priorities.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase),
        (await db.People.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase));

    public Priority? Priority(int line, string column, string code, List<ImportProblem> problems)
    {
        if (code.Length == 0)
        {
            return null;
        }

        if (_priorities.TryGetValue(code, out var priority))
        {
            return priority;
        }

        problems.Add(new ImportProblem(line, column, $"PmfBot has no priority {code}: import the single data list that has it first, or check the code."));
        return null;
    }

    public Person? Person(int line, string column, string text, List<ImportProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var (_, email) = CellWords.ParsePerson(text);
        if (email is null)
        {
            problems.Add(new ImportProblem(line, column, $"'{text}' is not an email address, nor a name and email written as Name <email>."));
            return null;
        }

        if (_people.TryGetValue(email, out var person))
        {
            return person;
        }

        problems.Add(new ImportProblem(line, column, $"PmfBot does not know {email}: name them in the single data list (as an owner, collator or board member) and import that first."));
        return null;
    }

    /// <summary>How a thing is known again on a re-import: its priority and its words, ignoring case and spacing.</summary>
    public static string Key(Guid priorityId, string title) => $"{priorityId}\u0001{CellWords.Normalise(title)}";
}
