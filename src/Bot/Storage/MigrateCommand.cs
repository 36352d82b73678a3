using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Storage;

/// <summary>
/// The host's `migrate` verb, beside `import`: brings the configured database up to date and exits
/// (0; 1 when the database is refused, with the reason). `migrate --script` prints the SQL instead,
/// for a DBA to review and apply: idempotent on PostgreSQL, from where the file stands on SQLite.
/// Both say which database they used.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static async Task<int?> TryRunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        if (args.Length == 0 || !args[0].Equals(Verb, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        output ??= Console.Out;
        error ??= Console.Error;
        var script = args.Length > 1 && args[1] == "--script";
        var rest = args[(script ? 2 : 1)..];
        if (rest.Any(a => a.StartsWith("--script", StringComparison.Ordinal) || !a.StartsWith('-')))
        {
            await error.WriteLineAsync("Usage: dotnet run --project src/Bot -- migrate [--script]");
            return 2;
        }

        var options = StorageSetup.ReadOptions(Host.CreateApplicationBuilder(rest).Configuration);
        await using var db = DatabaseSetup.CreateContext(options);
        var initialiser = new StorageInitialiser(db);
        try
        {
            if (script)
            {
                await output.WriteLineAsync($"-- PmfBot's schema migrations for {options.Describe()}, made {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.");
                await output.WriteAsync(await initialiser.ScriptAsync());
                return 0;
            }

            var prepared = await initialiser.InitialiseAsync();
            await output.WriteLineAsync($"Migrated {options.Describe()}: {prepared.Describe()}.");
            return 0;
        }
        catch (StorageRefusedException ex)
        {
            await error.WriteLineAsync($"{options.Describe()} was not migrated: {ex.Message}");
            return 1;
        }
    }
}
