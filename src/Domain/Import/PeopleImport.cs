using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.People;
using PmfBot.Domain.Storage;
using Col = PmfBot.Domain.Import.PeopleColumns;

namespace PmfBot.Domain.Import;

/// <summary>
/// Imports a list of people with their Entra object ids, for councils that have them (an export
/// of Entra users): a person is matched by email, added when new, renamed when their name
/// changed, and linked to the id. One id is one person; an id PmfBot already holds for someone
/// else is refused. Each new or changed person is audited.
/// </summary>
public sealed class PeopleImport(PmfDbContext db, TimeProvider clock)
{
    private const string What = "a people file";

    private sealed record Row(int Line, string Name, string Email, string? ObjectId);

    public async Task<ImportResult> ImportAsync(Sheet sheet, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>(sheet.Problems);
        var headings = Headings.Read(sheet, Col.All, What, problems);
        if (problems.Count > 0)
        {
            return ImportResult.Rejected([.. problems.OrderBy(p => p.Line)]);
        }

        var people = (await db.People.ToListAsync(cancellationToken)).ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        var rows = Check(sheet, headings, people, problems);
        if (problems.Count > 0)
        {
            return ImportResult.Rejected([.. problems.OrderBy(p => p.Line)]);
        }

        var audit = await ImportAudit.StartAsync(db, options, clock.GetUtcNow(), cancellationToken);
        var (created, updated, unchanged) = (0, 0, 0);
        foreach (var row in rows)
        {
            if (!people.TryGetValue(row.Email, out var person))
            {
                person = new Person(Guid.CreateVersion7(audit.Now), row.Name, row.Email);
                if (row.ObjectId is { } id)
                {
                    person.LinkEntraObjectId(id);
                }

                db.People.Add(person);
                audit.Record("Person", person.Id, "created by import", null, Snapshot(person));
                created++;
                continue;
            }

            var before = Snapshot(person);
            if (person.Name != row.Name)
            {
                person.Rename(row.Name);
            }

            if (row.ObjectId is { } objectId && person.EntraObjectId != objectId)
            {
                person.LinkEntraObjectId(objectId);
            }

            var after = Snapshot(person);
            if (after == before)
            {
                unchanged++;
            }
            else
            {
                audit.Record("Person", person.Id, "updated by import", before, after);
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return ImportResult.Done(ImportKind.People, $"people: {new Tally(created, updated, unchanged)}");
    }

    private static string Snapshot(Person p) => ImportAudit.Snapshot(new { p.Name, p.Email, p.EntraObjectId });

    private static List<Row> Check(Sheet sheet, Headings headings, Dictionary<string, Person> people, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var heldBy = people.Values.Where(p => p.EntraObjectId is not null).ToDictionary(p => p.EntraObjectId!, p => p.Email, StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var line = row.Line;
            var before = problems.Count;
            headings.RequireCells(row, Col.All, problems);
            var name = headings.Get(row, Col.Name);
            var emailText = headings.Get(row, Col.Email);
            var email = emailText.ToLowerInvariant();
            var idText = headings.Get(row, Col.EntraObjectId);
            string? id = null;
            if (emailText.Length > 0 && !CellWords.IsEmail(email))
            {
                problems.Add(new ImportProblem(line, Col.Email, $"'{emailText}' is not an email address."));
            }
            else if (email.Length > 0 && !emails.TryAdd(email, line))
            {
                problems.Add(new ImportProblem(line, Col.Email, $"{email} is already on line {emails[email]}: one row per person."));
            }

            if (idText.Length > 0)
            {
                if (!Guid.TryParse(idText, out var guid))
                {
                    problems.Add(new ImportProblem(line, Col.EntraObjectId, $"'{idText}' is not an Entra object id: they look like 3f2b9c1e-8d7a-4c55-9e0f-1a2b3c4d5e6f."));
                }
                else
                {
                    id = guid.ToString("D");
                    if (!ids.TryAdd(id, line))
                    {
                        problems.Add(new ImportProblem(line, Col.EntraObjectId, $"this id is already on line {ids[id]}: one id is one person."));
                    }
                    else if (heldBy.TryGetValue(id, out var holder) && holder != email)
                    {
                        problems.Add(new ImportProblem(line, Col.EntraObjectId, $"PmfBot already has this id for {holder}: one id is one person."));
                    }
                }
            }

            if (problems.Count == before)
            {
                rows.Add(new Row(line, name, email, id));
            }
        }

        return rows;
    }
}
