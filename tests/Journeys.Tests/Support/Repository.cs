namespace PmfBot.Journeys.Tests.Support;

/// <summary>Where things are in the checkout the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The bot built in the same configuration as these tests (Release in scripts/test.sh).</summary>
    public static string BotAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(Root, "src", "Bot", "bin", configuration, "net10.0", "PmfBot.Bot.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"The bot is not built ({path} is missing): build PmfBot.sln first.");
        }
    }

    /// <summary>Screenshots and timings of the journeys: build artefacts, kept by CI.</summary>
    public static string Artefacts { get; } = Directory.CreateDirectory(Path.Combine(FindRoot(), "artifacts", "journeys")).FullName;

    public static string Script(string name) => Path.Combine(Root, "scripts", name);

    public static string JsTool(string name)
    {
        var path = Path.Combine(Root, "tests", "js", name);
        if (!Directory.Exists(Path.Combine(Root, "tests", "js", "node_modules", "playwright-core")))
        {
            throw new InvalidOperationException("tests/js/node_modules is missing: run scripts/test.sh (it runs npm ci in tests/js).");
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PmfBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PmfBot.sln not found above the test output directory.");
    }
}
