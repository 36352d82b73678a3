using Microsoft.Extensions.Time.Testing;
using PmfBot.Domain.Import;
using PmfBot.Tests.Support;

namespace PmfBot.Domain.Tests.Import;

/// <summary>
/// Base of the import tests that run against a real database (a SQLite and a PostgreSQL subclass
/// each). The clock is Monday 3 November 2025: Q2 2025/26 has ended, Q3 has not.
/// </summary>
public abstract class ImportTest(TestDatabase database) : IAsyncLifetime
{
    public static readonly DateTimeOffset Monday3November = new(2025, 11, 3, 9, 0, 0, TimeSpan.Zero);

    protected TestDatabase Database { get; } = database;

    protected FakeTimeProvider Clock { get; } = new(Monday3November);

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    /// <summary>Imports CSV text as the command does with a file of that name.</summary>
    protected async Task<ImportResult> ImportAsync(string csv, string source = "test.csv", string by = "tester", bool overwriteSubmitted = false)
    {
        await using var db = Database.NewContext();
        return await new ImportFile(db, Clock).ImportAsync(CsvSheet.Read(new StringReader(csv)), new ImportOptions(source, by, overwriteSubmitted));
    }

    private protected Task<ImportResult> ImportAsync(DataListFile file, string source = "data-list.csv", string by = "tester") =>
        ImportAsync(file.ToCsv(), source, by);

    /// <summary>Imports one of the second sample council's files (samples/rivermouth).</summary>
    protected async Task<ImportResult> ImportSampleAsync(string name, string by = "tester", bool overwriteSubmitted = false)
    {
        var path = Samples.Rivermouth(name);
        await using var db = Database.NewContext();
        return await new ImportFile(db, Clock).ImportAsync(path, ImportOptions.For(path, by, overwriteSubmitted));
    }

    /// <summary>The sample's data list, which the values, actions and risks files point at.</summary>
    protected async Task ImportSampleDataListAsync() => Succeeded(await ImportSampleAsync("data-list.csv"));

    protected static ImportResult Succeeded(ImportResult result)
    {
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result;
    }
}

internal static class Samples
{
    public static string Rivermouth(string name) => Path.Combine(RepositoryRoot(), "samples", "rivermouth", name);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PmfBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (PmfBot.sln) above " + AppContext.BaseDirectory);
    }
}
