namespace PmfBot.Bot.Storage;

/// <summary>
/// Where the embedded SQLite file is. `dotnet run --project src/Bot` starts the app in src/Bot,
/// not in the folder the command was typed in, so a relative path read from the working directory
/// would put the import's database in src/Bot and the bot's at the repository root. Every command
/// (the bot, `import`, `migrate`) takes a relative path from the folder it was typed in (the
/// shell's PWD), or the working directory where there is no shell (a service).
/// </summary>
public static class StoragePaths
{
    public const string DefaultSqliteFile = "pmfbot.db";

    public static string Resolve(string path, string? typedIn = null)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        typedIn ??= Environment.GetEnvironmentVariable("PWD");
        return Path.GetFullPath(path, typedIn is { Length: > 0 } && Directory.Exists(typedIn) ? typedIn : Directory.GetCurrentDirectory());
    }
}
