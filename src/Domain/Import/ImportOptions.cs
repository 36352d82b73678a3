namespace PmfBot.Domain.Import;

/// <summary>
/// How an import is run. <see cref="Source"/> names the file in every audit line; <see cref="By"/>
/// says who ran it (an email PmfBot knows links the audit to that person; anything else is kept as
/// written); <see cref="OverwriteSubmitted"/> lets a values file replace returns submitted through PmfBot.
/// </summary>
public sealed record ImportOptions(string Source, string By, bool OverwriteSubmitted = false)
{
    public static ImportOptions For(string path, string? by = null, bool overwriteSubmitted = false) =>
        new(Path.GetFileName(path), by ?? "import", overwriteSubmitted);
}
