using Microsoft.Data.Sqlite;
using PmfBot.Bot.Import;
using PmfBot.Bot.Tests.Support;

namespace PmfBot.Bot.Tests.Import;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new("pmf-import");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Other_arguments_are_left_to_the_bot()
    {
        Assert.Null(await ImportCommand.TryRunAsync(["--urls", "http://localhost:5000"], _output, _error));
        Assert.Null(await ImportCommand.TryRunAsync([], _output, _error));
    }

    [Fact]
    public async Task A_good_file_prints_the_counts_and_exits_with_zero()
    {
        var exit = await RunAsync(Sample());

        Assert.Equal(0, exit);
        Assert.Contains("indicators: 13 created, 0 updated, 0 unchanged", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", _error.ToString());
    }

    [Fact]
    public async Task A_bad_file_prints_every_problem_and_exits_with_one()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"pmf-bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, (await File.ReadAllTextAsync(Sample())).Replace("higher is better", "up", StringComparison.Ordinal));
        try
        {
            var exit = await RunAsync(bad);

            Assert.Equal(1, exit);
            Assert.Contains("Nothing was written.", _error.ToString(), StringComparison.Ordinal);
            Assert.Contains("line 2, column Polarity: 'up' is not a polarity", _error.ToString(), StringComparison.Ordinal);
            Assert.Equal("", _output.ToString());
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task The_second_sample_council_imports_into_an_empty_database_in_order_and_names_who_ran_it()
    {
        string[] files = ["data-list.csv", "values.csv", "actions.csv", "risks.csv"];
        foreach (var file in files)
        {
            Assert.Equal(0, await ImportCommand.TryRunAsync(["import", Rivermouth(file), "--by", "sophie.hart@rivermouth-council.example", $"--Storage:SqlitePath={_file.Path}"], _output, _error));
        }

        var output = _output.ToString();
        Assert.Equal("", _error.ToString());
        Assert.Contains("data-list.csv (single data list)", output, StringComparison.Ordinal);
        Assert.Contains("indicators: 6 created, 0 updated, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("values.csv (past values)", output, StringComparison.Ordinal);
        Assert.Contains("past values: 31 created, 0 updated, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("board actions: 3 created, 0 updated, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("risks: 3 created, 0 updated, 0 unchanged", output, StringComparison.Ordinal);

        await using var db = new SqliteConnection($"Data Source={_file.Path}");
        await db.OpenAsync();
        await using var who = db.CreateCommand();
        who.CommandText = "SELECT DISTINCT \"ActorName\" || ' / ' || \"Source\" FROM audit_log WHERE \"Source\" = 'import of values.csv'";
        Assert.Equal("Sophie Hart / import of values.csv", await who.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_later_values_file_replaces_imported_values_and_a_bare_by_is_a_usage_error()
    {
        Assert.Equal(0, await RunAsync(Rivermouth("data-list.csv")));
        Assert.Equal(0, await RunAsync(Rivermouth("values.csv")));
        var changed = Path.Combine(Path.GetTempPath(), $"pmf-values-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(changed, "Indicator code,Period,Value\nRM-ASC1,2024-25-Q1,99\n");
        try
        {
            // An imported value may be replaced by a later import; only PmfBot's own returns need the option.
            Assert.Equal(0, await RunAsync(changed));
            Assert.Contains("past values: 0 created, 1 updated, 0 unchanged", _output.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, await ImportCommand.TryRunAsync(["import", changed, "--by"], _output, _error));
        }
        finally
        {
            File.Delete(changed);
        }
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        Assert.Equal(2, await RunAsync("no-such-file.csv"));
        Assert.Equal(2, await ImportCommand.TryRunAsync(["import"], _output, _error));
    }

    private Task<int?> RunAsync(string path) =>
        ImportCommand.TryRunAsync(["import", path, $"--Storage:SqlitePath={_file.Path}"], _output, _error);

    private static string Rivermouth(string name) => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Sample()))!, "samples", "rivermouth", name);

    private static string Sample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "samples", "single-data-list.csv");
            if (File.Exists(sample))
            {
                return sample;
            }
        }

        throw new InvalidOperationException("Cannot find samples/single-data-list.csv above " + AppContext.BaseDirectory);
    }
}
