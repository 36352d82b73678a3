using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PmfBot.Domain.People;
using PmfBot.Tests.Support;
using Col = PmfBot.Domain.Import.DataListColumns;

namespace PmfBot.Domain.Tests.Import;

public sealed class ImportAuditOnSqlite() : ImportAuditTests(new SqliteTestDatabase());

public sealed class ImportAuditOnPostgres() : ImportAuditTests(new PostgresTestDatabase());

/// <summary>Every change an import makes has an audit line: who ran it, which file, before and after.</summary>
public abstract class ImportAuditTests(TestDatabase database) : ImportTest(database)
{
    [Fact]
    public async Task An_update_is_audited_with_who_ran_the_import_the_file_and_the_indicator_before_and_after()
    {
        Succeeded(await ImportAsync(DataListFile.Typical(), "first.csv", "kate.hughes@council.gov.uk"));

        Succeeded(await ImportAsync(DataListFile.Typical().Set(2, Col.Indicator, "Adults who are physically active (%)"), "second.csv", "kate.hughes@council.gov.uk"));

        await using var db = Database.NewContext();
        var kate = await db.People.SingleAsync(p => p.Email == "kate.hughes@council.gov.uk");
        var h1 = await db.Indicators.SingleAsync(i => i.Code == "CPP-H1");
        var lines = await db.AuditLog.Where(a => a.EntityId == h1.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["created by import", "updated by import"], lines.Select(l => l.Action));
        var update = lines[1];
        Assert.Equal(("Indicator", "import of second.csv", kate.Id, "Kate Hughes"), (update.EntityType, update.Source, update.ActorPersonId, update.ActorName));
        Assert.Equal("Percentage of adults who are physically active", Title(update.Before!));
        Assert.Equal("Adults who are physically active (%)", Title(update.After));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Source == "import of second.csv")); // only what changed
    }

    [Fact]
    public async Task Someone_PmfBot_does_not_know_is_recorded_as_given_and_imported_values_name_the_file()
    {
        await ImportSampleDataListAsync();

        Succeeded(await ImportAsync("Indicator code,Period,Value\nRM-ASC1,2024-25-Q1,81.2\n", "history.csv", "jdoe (command line)"));

        await using var db = Database.NewContext();
        var line = await db.AuditLog.SingleAsync(a => a.EntityType == "Return");
        Assert.Equal(("imported", "import of history.csv", (Guid?)null, "jdoe (command line)"), (line.Action, line.Source, line.ActorPersonId, line.ActorName));
        Assert.Null(line.Before);
        Assert.Contains("81.2", line.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retiring_is_audited_and_every_person_created_has_a_line()
    {
        Succeeded(await ImportAsync(DataListFile.Typical()));
        Succeeded(await ImportAsync(DataListFile.Empty().AddRow(DataListFile.IndicatorRow("CPP-H1", "Percentage of adults who are physically active")), "smaller.csv"));

        await using var db = Database.NewContext();
        var h2 = await db.Indicators.SingleAsync(i => i.Code == "CPP-H2");
        var retired = await db.AuditLog.SingleAsync(a => a.EntityId == h2.Id && a.Action == "retired by import");
        Assert.Equal("import of smaller.csv", retired.Source);
        Assert.Contains("\"IsRetired\":false", retired.Before, StringComparison.Ordinal);
        Assert.Contains("\"IsRetired\":true", retired.After, StringComparison.Ordinal);
        Assert.Equal(await db.People.CountAsync(), await db.AuditLog.CountAsync(a => a.EntityType == nameof(Person) && a.Action == "created by import"));
    }

    private static string Title(string snapshot) => JsonDocument.Parse(snapshot).RootElement.GetProperty("Title").GetString()!;
}
