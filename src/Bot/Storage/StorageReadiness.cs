namespace PmfBot.Bot.Storage;

/// <summary>Set once the schema is ready; the health endpoint answers 503 until then.</summary>
public sealed class StorageReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
