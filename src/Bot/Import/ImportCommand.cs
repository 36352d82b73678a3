using PmfBot.Bot.Storage;
using PmfBot.Domain.Import;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Import;

/// <summary>
/// The host's command-line verb: <c>import &lt;file.csv|file.xlsx&gt;</c> imports a single data
/// list into the configured storage and exits, instead of starting the bot. It prints the counts
/// and returns 0, or prints every problem and returns 1 (nothing written); 2 for a usage error.
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import";

    /// <summary>Runs the verb when <paramref name="args"/> starts with it; null when it does not.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        if (args.Length == 0 || !args[0].Equals(Verb, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length < 2 || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync("Usage: dotnet run --project src/Bot -- import <single-data-list.csv | .xlsx>");
            return 2;
        }

        if (Locate(args[1]) is not { } path)
        {
            await error.WriteLineAsync($"There is no file at {Path.GetFullPath(args[1])}.");
            return 2;
        }

        // The same configuration sources as the bot (appsettings, environment, command line).
        var configuration = Host.CreateApplicationBuilder(args[2..]).Configuration;
        var options = StorageHosting.ReadOptions(configuration);
        await using var db = StorageSetup.CreateContext(options);
        try
        {
            // The same preparation as the bot's start: an empty database gets its schema, an older one its migrations.
            await new StorageInitialiser(db).InitialiseAsync();
        }
        catch (StorageRefusedException ex)
        {
            await error.WriteLineAsync($"{path} was not imported into {options.Describe()}: {ex.Message}");
            return 1;
        }


        var result = await new SingleDataListImport(db, TimeProvider.System).ImportFileAsync(path);
        if (!result.Succeeded)
        {
            var count = result.Problems.Count;
            await error.WriteLineAsync($"{path} was not imported into {options.Describe()}: {count} problem{(count == 1 ? "" : "s")} to fix. Nothing was written.");
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Imported {path} into {options.Describe()}:");
        foreach (var line in result.Counts!.Lines())
        {
            await output.WriteLineAsync($"  {line}");
        }

        return 0;
    }

    /// <summary>
    /// `dotnet run --project src/Bot` runs in the project's folder, not the shell's; a relative
    /// path is also tried from the shell's folder (PWD), where the person typed it.
    /// </summary>
    private static string? Locate(string path)
    {
        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var shell = Environment.GetEnvironmentVariable("PWD");
        return !Path.IsPathRooted(path) && shell is { Length: > 0 } && File.Exists(Path.Combine(shell, path))
            ? Path.Combine(shell, path)
            : null;
    }
}
