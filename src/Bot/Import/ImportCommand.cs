using PmfBot.Bot.Storage;
using PmfBot.Domain.Import;
using PmfBot.Domain.Storage;

namespace PmfBot.Bot.Import;

/// <summary>
/// The host's command-line verb: <c>import &lt;file.csv|file.xlsx&gt; [--by email] [--overwrite-submitted]</c>
/// imports a single data list, past values, board actions or risks (recognised by the file's
/// headings) into the configured storage and exits, instead of starting the bot. It prints what
/// it did (and what it retired) and returns 0, or prints every problem and returns 1 (nothing
/// written); 2 for a usage error. The audit names the file and who ran it: <c>--by</c>, else the
/// operating system's user.
/// </summary>
public static class ImportCommand
{
    public const string Verb = "import";
    public const string ByOption = "--by";
    public const string OverwriteSubmittedOption = "--overwrite-submitted";
    private const string Usage = "Usage: dotnet run --project src/Bot -- import <file.csv | file.xlsx> [--by <your email>] [--overwrite-submitted]";

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
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (Locate(args[1]) is not { } path)
        {
            await error.WriteLineAsync($"There is no file at {Path.GetFullPath(args[1])}.");
            return 2;
        }

        var (by, overwrite, rest) = ReadOptions(args[2..]);
        if (by is { Length: 0 })
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        // The same configuration sources as the bot (appsettings, environment, command line).
        var configuration = Host.CreateApplicationBuilder(rest).Configuration;
        var storage = StorageSetup.ReadOptions(configuration);
        await using var db = DatabaseSetup.CreateContext(storage);
        try
        {
            // The same preparation as the bot's start: an empty database gets its schema, an older one its migrations.
            await new StorageInitialiser(db).InitialiseAsync();
        }
        catch (StorageRefusedException ex)
        {
            await error.WriteLineAsync($"{path} was not imported into {storage.Describe()}: {ex.Message}");
            return 1;
        }

        var options = ImportOptions.For(path, by ?? $"{Environment.UserName} (command line)", overwrite);
        var result = await new ImportFile(db, TimeProvider.System).ImportAsync(path, options);
        if (!result.Succeeded)
        {
            var count = result.Problems.Count;
            await error.WriteLineAsync($"{path} was not imported into {storage.Describe()}: {count} problem{(count == 1 ? "" : "s")} to fix. Nothing was written.");
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Imported {path} ({Describe(result.Kind)}) into {storage.Describe()}:");
        foreach (var line in result.Lines())
        {
            await output.WriteLineAsync($"  {line}");
        }

        return 0;
    }

    /// <summary>The import's own options; everything else is configuration (--Storage:SqlitePath=...).</summary>
    private static (string? By, bool OverwriteSubmitted, string[] Others) ReadOptions(string[] args)
    {
        string? by = null;
        var overwrite = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Equals(OverwriteSubmittedOption, StringComparison.OrdinalIgnoreCase))
            {
                overwrite = true;
            }
            else if (args[i].Equals(ByOption, StringComparison.OrdinalIgnoreCase))
            {
                by = i + 1 < args.Length && !args[i + 1].StartsWith('-') ? args[++i].Trim() : "";
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (by, overwrite, [.. rest]);
    }

    private static string Describe(ImportKind kind) => kind switch
    {
        ImportKind.PastValues => "past values",
        ImportKind.BoardActions => "board actions",
        ImportKind.Risks => "risks",
        ImportKind.People => "people",
        _ => "single data list",
    };

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
